using System.Runtime.CompilerServices;

// The BLAKE3 tests compare the vectorized path with the scalar one on the same CPU.
[assembly: InternalsVisibleTo("FileSync.Storage.Tests")]
