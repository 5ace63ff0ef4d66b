namespace FileSync.Kernel.Tests;

public sealed class BasicMessagingTests : TestKit.TestKit
{
    [Fact]
    public void Tell_delivers_the_message_and_the_sender()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>(), "echo");
        echo.Tell("hello", TestActor);
        ExpectMsg("hello");
        Assert.Same(echo, LastSender);
        Assert.Equal("/user/echo", echo.Path.ToString());
    }

    [Fact]
    public async Task Ask_returns_the_reply()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        var reply = await echo.Ask<string>("ping", TimeSpan.FromSeconds(3));
        Assert.Equal("ping", reply);
    }

    [Fact]
    public async Task Ask_without_reply_throws_a_timeout_naming_the_target()
    {
        var silent = Sys.ActorOf(Props.Create(() => new ForwardingActor(ActorRefs.Nobody)), "silent");
        var ex = await Assert.ThrowsAsync<AskTimeoutException>(() => silent.Ask<string>("anyone?", TimeSpan.FromMilliseconds(100)));
        Assert.Contains("/user/silent", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_with_a_failure_reply_throws_its_exception()
    {
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(
            () => echo.Ask<string>(new Status.Failure(new InvalidOperationException("nope")), TimeSpan.FromSeconds(3)));
        Assert.Equal("nope", ex.Message);
    }

    [Fact]
    public async Task Ask_honours_cancellation()
    {
        var silent = Sys.ActorOf(Props.Create(() => new ForwardingActor(ActorRefs.Nobody)));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => silent.Ask<string>("x", TimeSpan.FromSeconds(10), cts.Token));
    }

    [Fact]
    public void Forward_keeps_the_original_sender()
    {
        var probe = CreateTestProbe();
        var forwarder = Sys.ActorOf(Props.Create(() => new ForwardingActor(probe.Ref)));
        forwarder.Tell("via", TestActor);
        probe.ExpectMsg("via");
        Assert.Same(TestActor, probe.LastSender);
    }

    [Fact]
    public void Duplicate_child_names_are_rejected_with_a_clear_error()
    {
        Sys.ActorOf(Props.Create<EchoActor>(), "twin");
        var ex = Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), "twin"));
        Assert.Contains("twin", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidActorNameException>(() => Sys.ActorOf(Props.Create<EchoActor>(), "a/b"));
    }

    [Fact]
    public void Actors_cannot_be_created_with_new()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new EchoActor());
        Assert.Contains("ActorOf", ex.Message, StringComparison.Ordinal);
    }
}
