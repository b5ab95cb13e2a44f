namespace DsarEngine.Server.Inbox;

// How a live inbox page answers a burst of InboxChanges notices: one read at a time, and a notice that arrives during a
// read costs at most one more read after it, however many come. Failures reach the caller, which says so on its page.
internal sealed class LiveRefresh
{
    private int running;
    private int again;

    public async Task RunAsync(Func<Task> read)
    {
        if (Interlocked.Exchange(ref running, 1) == 1)
        {
            Interlocked.Exchange(ref again, 1);
            return;
        }
        try
        {
            do
            {
                Interlocked.Exchange(ref again, 0);
                await read();
            }
            while (Interlocked.Exchange(ref again, 0) == 1);
        }
        finally
        {
            Interlocked.Exchange(ref running, 0);
        }
    }
}
