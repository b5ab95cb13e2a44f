using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DsarEngine.Workflows.Definitions.Schema;

internal sealed partial class SubsetSchema
{
    private void Validate(JsonElement schema, JsonElement value, string path, List<SchemaError> errors)
    {
        if (schema.ValueKind == JsonValueKind.False)
            errors.Add(new SchemaError(Pointer(path), "Not allowed here."));
        if (schema.ValueKind != JsonValueKind.Object)
            return;
        if (schema.TryGetProperty("$ref", out var reference))
            Validate(Resolve(reference.GetString()!), value, path, errors);
        if (schema.TryGetProperty("type", out var type) && !HasType(value, type.GetString()!))
        {
            errors.Add(new SchemaError(Pointer(path), $"Expected {type.GetString()}, found {Describe(value)}."));
            return;
        }
        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
            errors.Add(new SchemaError(Pointer(path), $"Must be {constant.GetRawText()}."));
        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
            errors.Add(new SchemaError(Pointer(path), $"{value.GetRawText()} is not one of {string.Join(", ", options.EnumerateArray().Select(o => o.ToString()))}."));
        ValidateObject(schema, value, path, errors);
        ValidateArray(schema, value, path, errors);
        ValidateScalar(schema, value, path, errors);
        ValidateCombinators(schema, value, path, errors);
    }

    private void ValidateObject(JsonElement schema, JsonElement value, string path, List<SchemaError> errors)
    {
        if (value.ValueKind != JsonValueKind.Object)
            return;
        if (schema.TryGetProperty("required", out var required))
            foreach (var name in required.EnumerateArray().Select(n => n.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
                errors.Add(new SchemaError(Pointer($"{path}/{name}"), "Required."));
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        foreach (var property in value.EnumerateObject())
        {
            var at = $"{path}/{property.Name}";
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                Validate(propertySchema, property.Value, at, errors);
            else if (schema.TryGetProperty("additionalProperties", out var additional))
            {
                if (additional.ValueKind == JsonValueKind.False)
                    errors.Add(new SchemaError(Pointer(at), $"Unknown property '{property.Name}'."));
                else
                    Validate(additional, property.Value, at, errors);
            }
        }
    }

    private void ValidateArray(JsonElement schema, JsonElement value, string path, List<SchemaError> errors)
    {
        if (value.ValueKind != JsonValueKind.Array)
            return;
        var length = value.GetArrayLength();
        if (schema.TryGetProperty("minItems", out var min) && length < min.GetInt32())
            errors.Add(new SchemaError(Pointer(path), $"At least {min.GetInt32()} item(s)."));
        if (schema.TryGetProperty("maxItems", out var max) && length > max.GetInt32())
            errors.Add(new SchemaError(Pointer(path), $"At most {max.GetInt32()} item(s)."));
        var items = value.EnumerateArray().ToList();
        if (schema.TryGetProperty("uniqueItems", out var unique) && unique.GetBoolean())
            for (var i = 1; i < items.Count; i++)
                if (items.Take(i).Any(earlier => JsonElement.DeepEquals(earlier, items[i])))
                    errors.Add(new SchemaError(Pointer($"{path}/{i}"), $"Duplicate item {items[i].GetRawText()}."));
        if (schema.TryGetProperty("items", out var itemSchema))
            for (var i = 0; i < items.Count; i++)
                Validate(itemSchema, items[i], $"{path}/{i}", errors);
    }

    private static void ValidateScalar(JsonElement schema, JsonElement value, string path, List<SchemaError> errors)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            var number = value.GetDouble();
            if (schema.TryGetProperty("minimum", out var min) && number < min.GetDouble())
                errors.Add(new SchemaError(Pointer(path), $"Must be at least {min.GetRawText()}."));
            if (schema.TryGetProperty("maximum", out var max) && number > max.GetDouble())
                errors.Add(new SchemaError(Pointer(path), $"Must be at most {max.GetRawText()}."));
        }
        if (value.ValueKind != JsonValueKind.String)
            return;
        var text = value.GetString()!;
        if (schema.TryGetProperty("minLength", out var minLength) && text.Length < minLength.GetInt32())
            errors.Add(new SchemaError(Pointer(path), $"At least {minLength.GetInt32()} character(s)."));
        if (schema.TryGetProperty("maxLength", out var maxLength) && text.Length > maxLength.GetInt32())
            errors.Add(new SchemaError(Pointer(path), $"At most {maxLength.GetInt32()} characters."));
        if (schema.TryGetProperty("pattern", out var pattern) && !Regex.IsMatch(text, pattern.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)))
            errors.Add(new SchemaError(Pointer(path), $"\"{text}\" does not match {pattern.GetString()}."));
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
            errors.Add(new SchemaError(Pointer(path), "Matches none of the allowed shapes."));
        if (schema.TryGetProperty("oneOf", out var one) && one.EnumerateArray().Count(Passes) != 1)
            errors.Add(new SchemaError(Pointer(path), "Must match exactly one of the allowed shapes."));
        if (schema.TryGetProperty("not", out var not) && Passes(not))
            errors.Add(new SchemaError(Pointer(path), "Matches a shape that is not allowed."));
        if (schema.TryGetProperty("if", out var condition))
        {
            var branch = Passes(condition) ? "then" : "else";
            if (schema.TryGetProperty(branch, out var next))
                Validate(next, value, path, errors);
        }
    }

    private JsonElement Resolve(string reference)
    {
        var name = reference["#/$defs/".Length..];
        return root.GetProperty("$defs").TryGetProperty(name, out var target)
            ? target : throw new InvalidOperationException($"Unresolvable $ref {reference}.");
    }

    private static bool HasType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => false,
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => $"number {value.GetRawText()}",
        JsonValueKind.String => $"string \"{value.GetString()}\"",
        _ => value.ValueKind.ToString().ToLower(CultureInfo.InvariantCulture),
    };

    private static string Pointer(string path) => path.Length == 0 ? "/" : path;
}
