namespace DsarEngine.Server.Packs;

// Dsar:Packs — response packs.
internal sealed class PackOptions
{
    public const string SectionName = "Dsar:Packs";

    // Render the response pack at the workflows' render-pack step (default true). Off, the step records the outcome
    // and moves on: for load tests of the workflow engine itself, never for a system that answers subjects.
    public bool Render { get; set; } = true;

    // Retries of a render that throws (browser crash, timeout), after 1 s, 5 s, then 30 s each; after the last one the
    // workflow is told (needs-attention), so a letter that cannot be rendered is never left in an error queue.
    [System.ComponentModel.DataAnnotations.Range(0, 10, ErrorMessage = "Dsar:Packs:RenderRetries must be between 0 and 10.")]
    public int RenderRetries { get; set; } = 3;

    // How long a render-pack step waits for the renderer's answer before the request needs attention ("the response
    // pack was not rendered in time"; default 60 minutes, 1–10080): a renderer that is down, or an answer lost to an
    // error queue, never leaves the request waiting without a timer.
    [System.ComponentModel.DataAnnotations.Range(1, 10_080, ErrorMessage = "Dsar:Packs:RenderTimeoutMinutes must be between 1 and 10080.")]
    public int RenderTimeoutMinutes { get; set; } = 60;

    // Rows of a category shown in the letter; the rest are counted and left to the machine-readable files.
    public int RowsPerCategory { get; set; } = 50;
}
