namespace FileSync.Kernel.Dispatch;

/// <summary>A user message and who sent it, as it sits in a mailbox.</summary>
internal readonly record struct Envelope(object Message, IActorRef? Sender);
