using System.Runtime.CompilerServices;

// The chunker tests force the scalar cut search on a CPU that has the vector one, so both are checked.
[assembly: InternalsVisibleTo("FileSync.Storage.Tests")]
