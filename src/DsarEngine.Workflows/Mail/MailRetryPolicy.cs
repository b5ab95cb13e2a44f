namespace DsarEngine.Workflows.Mail;

// When a message that failed is tried again: the base delay doubling after each failure, capped; after MaxAttempts
// failures it is dead. An SMTP outage of minutes then costs a few attempts, not the whole budget (review H3).
internal sealed record MailRetryPolicy(int MaxAttempts, TimeSpan BaseDelay, TimeSpan MaxDelay)
{
    // attempts: failures so far, including the one just recorded (1 after the first failure).
    public TimeSpan DelayAfter(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var ticks = Math.Min((double)BaseDelay.Ticks * Math.Pow(2, doublings), MaxDelay.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }

    public bool IsDead(int attempts) => attempts >= MaxAttempts;
}
