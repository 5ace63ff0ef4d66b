using FileSync.Server.Hosting;

return await NodeProgram.RunAsync(args).ConfigureAwait(false);

/// <summary>The node's entry point; public so tests can locate the assembly.</summary>
public partial class Program;
