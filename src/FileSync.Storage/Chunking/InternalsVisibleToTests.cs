using System.Runtime.CompilerServices;

// The chunker tests and the chunking benchmark run the scalar cut search on a CPU that has the vector one, so both are checked and measured.
[assembly: InternalsVisibleTo("FileSync.Storage.Tests")]
[assembly: InternalsVisibleTo("FileSync.Benchmarks")]
