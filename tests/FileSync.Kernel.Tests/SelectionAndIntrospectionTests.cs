namespace FileSync.Kernel.Tests;

public sealed class SelectionAndIntrospectionTests : TestKit.TestKit
{
    private sealed class Parent : ReceiveActor
    {
        public Parent()
        {
            Context.ActorOf(Props.Create<EchoActor>(), "b");
            Receive<string>(_ => Sender.Tell(Context.Children.Count));
        }
    }

    [Fact]
    public void Selection_by_path_reaches_nested_actors()
    {
        var a = Sys.ActorOf(Props.Create<Parent>(), "a");
        a.Tell("ready?", TestActor);
        ExpectMsg(1);
        Sys.ActorSelection("/user/a/b").Tell("hi", TestActor);
        ExpectMsg("hi");
        Assert.Equal("/user/a/b", Sys.ActorSelection("/user/a/b").ResolveOne().Path.ToString());
        Assert.Same(a, Sys.ResolvePath("/user/a"));
        Assert.Null(Sys.ResolvePath("/user/a/missing"));
    }

    [Fact]
    public void Selection_of_a_missing_actor_sends_to_dead_letters()
    {
        EventFilter.DeadLetter<string>().ExpectOne(() => Sys.ActorSelection("/user/nobody-here").Tell("lost"));
        var ex = Assert.Throws<InvalidOperationException>(() => Sys.ActorSelection("/user/nobody-here").ResolveOne());
        Assert.Contains("/user/nobody-here", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Sys.ActorSelection("user/relative"));
    }

    private sealed class Blocked : ReceiveActor
    {
        public Blocked(Task gate) => ReceiveAsync<string>(_ => gate);
    }

    [Fact]
    public void Snapshot_lists_the_tree_with_types_and_mailbox_depths()
    {
        var gate = new TaskCompletionSource();
        var a = Sys.ActorOf(Props.Create<Parent>(), "a");
        a.Tell("ready?", TestActor);
        ExpectMsg(1);
        var blocked = Sys.ActorOf(Props.Create(() => new Blocked(gate.Task)), "blocked");
        for (var i = 0; i < 4; i++) blocked.Tell("m" + i);

        AwaitAssert(() =>
        {
            var root = Sys.Snapshot();
            Assert.Equal("/", root.Path);
            var user = root.Children.Single(c => c.Path == "/user");
            Assert.Contains(root.Children, c => c.Path == "/system");
            var parent = user.Children.Single(c => c.Path == "/user/a");
            Assert.Equal(nameof(Parent), parent.ActorType);
            Assert.Equal("/user/a/b", Assert.Single(parent.Children).Path);
            Assert.Equal(3, user.Children.Single(c => c.Path == "/user/blocked").MailboxDepth);
        });
        gate.SetResult();
    }
}
