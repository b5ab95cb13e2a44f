using System.ComponentModel.DataAnnotations;

namespace DsarEngine.Server.Platform;

// Dsar:Role — what this process runs. Packs are rendered by headless Chromium, which is heavy and may crash, so it can
// run apart: the same binary and settings started as "pack-renderer" beside engines started as "engine".
internal sealed class RoleOptions
{
    public const string SectionName = "Dsar";

    // all (default): the whole engine, rendering packs itself. engine: everything but the pack renderer, whose queue
    // (dsar-pack-renderer) is left to separate processes. pack-renderer: only that queue's consumer and /health.
    [AllowedValues(EngineRoles.All, EngineRoles.Engine, EngineRoles.PackRenderer,
        ErrorMessage = "Dsar:Role must be 'all', 'engine' (packs rendered by separate pack-renderer processes) or 'pack-renderer'.")]
    public string Role { get; set; } = EngineRoles.All;
}

internal static class EngineRoles
{
    public const string All = "all";
    public const string Engine = "engine";
    public const string PackRenderer = "pack-renderer";

    public static bool RendersPacks(string role) => role != Engine;

    public static bool RunsEngine(string role) => role != PackRenderer;
}
