using System.Runtime.CompilerServices;

// The chunker tests and the chunking benchmark run the chunk-by-chunk search on a CPU that has the vector one
// (ContentDefinedChunker.CutAll's "vector" switch), so both paths are checked and measured.
[assembly: InternalsVisibleTo("FileSync.Storage.Tests")]
[assembly: InternalsVisibleTo("FileSync.Benchmarks")]
