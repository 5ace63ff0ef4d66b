using System.Diagnostics;

// BLAKE3 is written as small generic helpers that only become fast code once the JIT inlines them; in a
// Debug build (optimizations disabled) it runs about 30 times slower than SHA-256, slow enough to time
// out tests of uploads. Declaring the debugging mode here replaces the compiler's Debug-build default
// (which disables JIT optimization) for this assembly: stepping through FileSync.Storage in a debugger is
// less exact, every build hashes at full speed.
[assembly: Debuggable(DebuggableAttribute.DebuggingModes.IgnoreSymbolStoreSequencePoints)]
