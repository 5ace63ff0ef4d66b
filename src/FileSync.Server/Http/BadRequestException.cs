namespace FileSync.Server.Http;

/// <summary>Bad input found by the HTTP layer; becomes a 400 problem whose detail is <see cref="Exception.Message"/>.</summary>
public sealed class BadRequestException(string message) : Exception(message);
