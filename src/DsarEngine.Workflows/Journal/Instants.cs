namespace DsarEngine.Workflows.Journal;

internal static class Instants
{
    // PostgreSQL keeps microseconds; cut instants to them before storing or hashing, so that what is read
    // back (and re-hashed) is exactly what was written.
    public static DateTimeOffset Microseconds(DateTimeOffset at) => new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
}
