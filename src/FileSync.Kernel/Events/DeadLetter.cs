namespace FileSync.Kernel;

/// <summary>Published when a message could not be delivered (the recipient had stopped, or none existed).</summary>
public sealed record DeadLetter(object Message, IActorRef Sender, IActorRef Recipient);

/// <summary>Published when an actor's behaviour did not handle a message.</summary>
public sealed record UnhandledMessage(object Message, IActorRef Sender, IActorRef Recipient);
