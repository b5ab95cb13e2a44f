using System.Net.Http.Headers;
using DsarEngine.Server.Connectors.Egress;

namespace DsarEngine.Server.Tests.Connectors.Egress;

// M4: a body is read to at most its bound, whether its length is announced, announced wrongly, or not at all.
public sealed class BoundedAnswerTests
{
    // A body of unknown length (as a chunked response is) that counts what was read from it.
    private sealed class CountingStream(long length) : Stream
    {
        public long Consumed { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Consumed);
            Array.Fill(buffer, (byte)'a', offset, n);
            Consumed += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Consumed; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Test]
    public async Task A_body_of_unknown_length_is_read_one_byte_past_the_bound_and_no_further()
    {
        var stream = new CountingStream(100L * 1024 * 1024);
        using var content = new StreamContent(stream);
        content.Headers.ContentLength = null;
        var body = await BoundedAnswer.ReadAsync(content, 1024 * 1024, CancellationToken.None);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(body, Is.Null);
            Assert.That(stream.Consumed, Is.EqualTo(1024 * 1024 + 1));
        }
    }

    [Test]
    public async Task An_announced_length_over_the_bound_is_refused_without_reading()
    {
        var stream = new CountingStream(10);
        using var content = new StreamContent(stream);
        content.Headers.ContentLength = 2048;
        var body = await BoundedAnswer.ReadAsync(content, 1024, CancellationToken.None);
        Assert.That((body, stream.Consumed), Is.EqualTo(((byte[]?)null, 0L)));
    }

    [Test]
    public async Task A_body_that_lies_about_its_length_is_still_bounded_and_one_within_the_bound_is_read_whole()
    {
        using var lying = new StreamContent(new CountingStream(5000));
        lying.Headers.ContentLength = 10;
        using var fitting = new StreamContent(new CountingStream(1024));
        fitting.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(await BoundedAnswer.ReadAsync(lying, 1024, CancellationToken.None), Is.Null);
            Assert.That(await BoundedAnswer.ReadAsync(fitting, 1024, CancellationToken.None), Has.Length.EqualTo(1024));
        }
    }
}
