namespace DsarEngine.Server.Packs;

// Dsar:Packs — response packs.
internal sealed class PackOptions
{
    public const string SectionName = "Dsar:Packs";

    // Render the response pack at the workflows' render-pack step (default true). Off, the step records the outcome
    // and moves on: for load tests of the workflow engine itself, never for a system that answers subjects.
    public bool Render { get; set; } = true;

    // Rows of a category shown in the letter; the rest are counted and left to the machine-readable files.
    public int RowsPerCategory { get; set; } = 50;
}
