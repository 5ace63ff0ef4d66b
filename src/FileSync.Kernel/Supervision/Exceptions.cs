namespace FileSync.Kernel;

/// <summary>The actor could not be created or its <c>PreStart</c> failed; the default decider stops it.</summary>
public sealed class ActorInitializationException : Exception
{
    public ActorInitializationException(string message, Exception inner) : base(message, inner)
    {
    }

    public ActorInitializationException(string message) : base(message)
    {
    }

    public ActorInitializationException()
    {
    }
}

/// <summary>An actor watched another one and did not handle the resulting <see cref="Terminated"/>.</summary>
public sealed class DeathPactException : Exception
{
    public DeathPactException(IActorRef deadActor)
        : base($"The watched actor {deadActor?.Path} terminated and its Terminated message was not handled.")
    {
        DeadActor = deadActor;
    }

    public DeathPactException()
    {
    }

    public DeathPactException(string message) : base(message)
    {
    }

    public DeathPactException(string message, Exception inner) : base(message, inner)
    {
    }

    public IActorRef? DeadActor { get; }
}

/// <summary>A child name is taken or malformed.</summary>
public sealed class InvalidActorNameException : Exception
{
    public InvalidActorNameException(string message) : base(message)
    {
    }

    public InvalidActorNameException()
    {
    }

    public InvalidActorNameException(string message, Exception inner) : base(message, inner)
    {
    }
}
