using System.Globalization;

namespace FileSync.Benchmarks;

/// <summary>Command-line options of the messaging suite.</summary>
internal sealed record MessagingOptions(int Messages, int Pairs, int Hops, int Rounds, int Throughput)
{
    public static MessagingOptions Parse(string[] args)
    {
        var o = new MessagingOptions(5_000_000, 4, 200_000, 3, 30);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"Option {args[i]} needs a value.");
            if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < 1)
                throw new ArgumentException($"Option {args[i]} needs a positive whole number, not '{value}'.");
            o = args[i] switch
            {
                "--messages" => o with { Messages = n },
                "--pairs" => o with { Pairs = n },
                "--hops" => o with { Hops = n },
                "--rounds" => o with { Rounds = n },
                "--throughput" => o with { Throughput = n },
                _ => throw new ArgumentException($"Unknown option {args[i]}; known: --messages --pairs --hops --rounds --throughput."),
            };
            i++;
        }

        return o;
    }
}
