using FileSync.Kernel.TestKit;
using Xunit.Sdk;

namespace FileSync.Kernel.Tests;

public sealed class TestKitTests : TestKit.TestKit
{
    [Fact]
    public void ExpectMsg_fails_with_a_clear_message_on_the_wrong_type_and_on_timeout()
    {
        TestActor.Tell(1);
        var wrongType = Assert.Throws<XunitException>(() => ExpectMsg<string>());
        Assert.Contains("Expected a String", wrongType.Message, StringComparison.Ordinal);
        var timeout = Assert.Throws<XunitException>(() => ExpectMsg<string>(timeout: TimeSpan.FromMilliseconds(20)));
        Assert.Contains("Timeout", timeout.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExpectMsg_with_a_predicate_rejects_non_matching_messages()
    {
        TestActor.Tell("apple");
        Assert.Throws<XunitException>(() => ExpectMsg<string>(s => s.StartsWith('b')));
    }

    [Fact]
    public void ExpectNoMsg_fails_when_something_arrives()
    {
        TestActor.Tell("surprise");
        Assert.Throws<XunitException>(() => ExpectNoMsg(TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void Within_fails_when_the_block_takes_too_long_and_bounds_inner_waits()
    {
        Assert.Throws<XunitException>(() => Within(TimeSpan.FromMilliseconds(50), () => Thread.Sleep(120)));
        var started = DateTime.UtcNow;
        Assert.Throws<XunitException>(() => Within(TimeSpan.FromMilliseconds(100), () => ExpectMsg<string>()));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2), "ExpectMsg inside Within waited for its own default timeout");
    }

    [Fact]
    public void AwaitAssert_retries_until_the_assertion_holds()
    {
        var calls = 0;
        AwaitAssert(() => Assert.True(++calls >= 3));
        Assert.Equal(3, calls);
        Assert.Throws<FalseException>(() => AwaitAssert(() => Assert.False(true), TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public void AwaitCondition_fails_after_the_time_is_up()
    {
        var ex = Assert.Throws<XunitException>(() => AwaitCondition(() => false, TimeSpan.FromMilliseconds(50), "never"));
        Assert.Contains("never", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EventFilter_fails_on_too_few_or_too_many_events()
    {
        Assert.Throws<XunitException>(() => EventFilter.Warning("w").Expect(1, () => { }, TimeSpan.FromMilliseconds(50)));
        Assert.Throws<XunitException>(() => EventFilter.Warning("w").Expect(1, () =>
        {
            Sys.Log.Warning("w1");
            Sys.Log.Warning("w2");
        }));
        EventFilter.Warning("w").Expect(2, () =>
        {
            Sys.Log.Warning("w1");
            Sys.Log.Warning("w2");
        });
    }

    [Fact]
    public void Probes_reply_to_the_last_sender_and_watch_actors()
    {
        var probe = CreateTestProbe("p");
        var echo = Sys.ActorOf(Props.Create<EchoActor>());
        probe.Send(echo, "hi");
        probe.ExpectMsg("hi");
        Assert.Same(echo, probe.LastSender);
        probe.Watch(echo);
        Sys.Stop(echo);
        probe.ExpectTerminated(echo);
    }

    [Fact]
    public void The_time_factor_stretches_every_timeout()
    {
        var settings = new TestKitSettings { TimeFactor = 2.5 };
        Assert.Equal(TimeSpan.FromSeconds(5), settings.Dilated(TimeSpan.FromSeconds(2)));
    }

    [Fact]
    public void A_bad_time_factor_is_reported_clearly()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => TestKitSettings.WithTimeFactor("fast"));
        Assert.Contains("FILESYNC_TEST_TIMEFACTOR", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => TestKitSettings.WithTimeFactor("-1"));
        Assert.Equal(3.0, TestKitSettings.WithTimeFactor("3").TimeFactor);
        Assert.Equal(1.0, TestKitSettings.WithTimeFactor(null).TimeFactor);
    }
}
