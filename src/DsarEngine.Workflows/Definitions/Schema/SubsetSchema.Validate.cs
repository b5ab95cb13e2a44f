using System.Text.Json;

namespace DsarEngine.Workflows.Definitions.Schema;

// Applying a (loaded, hence well-formed) schema to a value. Every failing keyword adds an error; a wrong "type"
// stops the checks for that value, whose other keywords would only repeat the same mistake.
internal sealed partial class SubsetSchema
{
    private void Validate(JsonElement schema, JsonElement value, string path, List<SchemaError> errors)
    {
        if (schema.ValueKind == JsonValueKind.False)
            errors.Add(new SchemaError(path, "Not allowed here."));
        if (schema.ValueKind != JsonValueKind.Object)
            return;
        if (schema.TryGetProperty("$ref", out var reference))
            Validate(Resolve(root, reference.GetString()!)!.Value, value, path, errors);
        if (schema.TryGetProperty("type", out var type) && !HasType(value, type))
        {
            errors.Add(new SchemaError(path, $"Expected {TypeText(type)}, found {Describe(value)}."));
            return;
        }
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
            errors.Add(new SchemaError(path, $"Must be {constant.GetRawText()}, not {value.GetRawText()}."));
        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
            errors.Add(new SchemaError(path, $"{value.GetRawText()} is not one of {string.Join(", ", options.EnumerateArray().Select(o => o.ToString()))}."));
        ValidateObject(schema, value, path, errors);
        ValidateArray(schema, value, path, errors);
        ValidateNumber(schema, value, path, errors);
        ValidateString(schema, value, path, errors);
        ValidateCombinators(schema, value, path, errors);
    }

    private void ValidateObject(JsonElement schema, JsonElement value, string path, List<SchemaError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
            return;
        if (schema.TryGetProperty("required", out var required))
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
                errors.Add(new SchemaError(JsonPointer.Append(path, name), "Required."));
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        foreach (var property in value.EnumerateObject())
        {
            var at = JsonPointer.Append(path, property.Name);
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                Validate(propertySchema, property.Value, at, errors);
            else if (additional.ValueKind == JsonValueKind.False)
                errors.Add(new SchemaError(at, $"Unknown property '{property.Name}'."));
            else if (additional.ValueKind == JsonValueKind.Object)
                Validate(additional, property.Value, at, errors);
        }
    }

    private void ValidateArray(JsonElement schema, JsonElement value, string path, List<SchemaError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
            return;
        var items = value.EnumerateArray().ToList();
        if (schema.TryGetProperty("minItems", out var min) && items.Count < min.GetInt32())
            errors.Add(new SchemaError(path, $"Needs at least {min.GetInt32()} item(s), has {items.Count}."));
        if (schema.TryGetProperty("maxItems", out var max) && items.Count > max.GetInt32())
            errors.Add(new SchemaError(path, $"Allows at most {max.GetInt32()} item(s), has {items.Count}."));
        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.GetBoolean())
            for (var i = 1; i < items.Count; i++)
                if (items.Take(i).Any(earlier => JsonElement.DeepEquals(earlier, items[i])))
                    errors.Add(new SchemaError(JsonPointer.Append(path, i), $"{items[i].GetRawText()} appears more than once."));
        if (schema.TryGetProperty("items", out var itemSchema))
            for (var i = 0; i < items.Count; i++)
                Validate(itemSchema, items[i], JsonPointer.Append(path, i), errors);
    }

    private void ValidateCombinators(JsonElement schema, JsonElement value, string path, List<SchemaError> errors)
    {
        bool Passes(JsonElement s)
        {
            var inner = new List<SchemaError>();
            Validate(s, value, path, inner);
            return inner.Count == 0;
        }
        if (schema.TryGetProperty("allOf", out var all))
            foreach (var s in all.EnumerateArray())
                Validate(s, value, path, errors);
        if (schema.TryGetProperty("anyOf", out var any) && !any.EnumerateArray().Any(Passes))
            errors.Add(new SchemaError(path, $"Matches none of the {any.GetArrayLength()} allowed shapes."));
        if (schema.TryGetProperty("oneOf", out var one) && one.EnumerateArray().Count(Passes) is var matches and not 1)
            errors.Add(new SchemaError(path, $"Matches {matches} of the {one.GetArrayLength()} allowed shapes; exactly one is required."));
        if (schema.TryGetProperty("not", out var not) && Passes(not))
            errors.Add(new SchemaError(path, "Matches a shape that is not allowed here."));
        if (schema.TryGetProperty("if", out var condition) && schema.TryGetProperty(Passes(condition) ? "then" : "else", out var branch))
            Validate(branch, value, path, errors);
    }
}
