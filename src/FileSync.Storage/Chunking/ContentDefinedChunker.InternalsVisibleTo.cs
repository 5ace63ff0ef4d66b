using System.Runtime.CompilerServices;

// The tests and the chunking benchmark run the scalar paths on a CPU that has the vector ones (the chunker's
// chunk-by-chunk search beside ContentDefinedChunker.CutAll's "vector" switch, BLAKE3's lane widths), so both
// paths are checked and measured.
[assembly: InternalsVisibleTo("FileSync.Storage.Tests")]
[assembly: InternalsVisibleTo("FileSync.Benchmarks")]
