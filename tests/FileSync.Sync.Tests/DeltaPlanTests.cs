using FileSync.Storage.Chunking;
using FileSync.Sync.Protocol;

namespace FileSync.Sync.Tests;

public class DeltaPlanTests
{
    /// <summary>A chunk list from names: each distinct name is a distinct chunk of length 10 × (its letter's rank).</summary>
    private static List<ChunkRef> Chunks(string names)
    {
        var list = new List<ChunkRef>();
        long offset = 0;
        foreach (var c in names)
        {
            var length = 10 * (c - 'a' + 1);
            list.Add(new ChunkRef(ChunkHash.Compute([(byte)c]), offset, length));
            offset += length;
        }
        return list;
    }

    private static long Size(IEnumerable<ChunkRef> chunks) => chunks.Sum(c => (long)c.Length);

    [Fact]
    public void Known_base_unchanged_file_is_one_copy_run_and_sends_nothing()
    {
        var v = Chunks("abcdef");
        var plan = DeltaPlan.FromKnownBase(v, v);
        Assert.Equal([new CopyStep(0, 6, Size(v))], plan.Steps);
        Assert.Equal(0, plan.BytesTransfered);
        Assert.Equal(0, plan.NeedListLength);
    }

    [Fact]
    public void Known_base_insert_sends_only_the_new_chunk_between_two_copy_runs()
    {
        var baseChunks = Chunks("abcdef");
        var target = Chunks("abcxdef");
        var plan = DeltaPlan.FromKnownBase(target, baseChunks);
        Assert.Equal(3, plan.Steps.Count);
        Assert.Equal(new CopyStep(0, 3, 60), plan.Steps[0]);
        Assert.IsType<SendStep>(plan.Steps[1]);
        Assert.Equal(new CopyStep(3, 3, 150), plan.Steps[2]);
        Assert.Equal(240, plan.BytesTransfered);
        Assert.Equal(Size(target), plan.BytesCopied + plan.BytesTransfered);
        Assert.Equal(1, plan.NeedListLength);
    }

    [Fact]
    public void Known_base_append_copies_the_whole_base_and_sends_the_tail()
    {
        var plan = DeltaPlan.FromKnownBase(Chunks("abcxy"), Chunks("abc"));
        Assert.Equal(new CopyStep(0, 3, 60), plan.Steps[0]);
        Assert.Equal(2, plan.Steps.OfType<SendStep>().Count());
        Assert.Equal(1, plan.NeedListLength);
    }

    [Fact]
    public void Moved_blocks_become_copy_runs_at_their_base_positions()
    {
        var plan = DeltaPlan.FromKnownBase(Chunks("defabc"), Chunks("abcdef"));
        Assert.Equal([new CopyStep(3, 3, 150), new CopyStep(0, 3, 60)], plan.Steps);
    }

    [Fact]
    public void A_repeated_new_chunk_is_sent_once_and_referenced_after()
    {
        var plan = DeltaPlan.FromKnownBase(Chunks("xax"), Chunks("a"));
        Assert.IsType<SendStep>(plan.Steps[0]);
        Assert.IsType<CopyStep>(plan.Steps[1]);
        Assert.IsType<ReferenceStep>(plan.Steps[2]);
        Assert.Equal(240, plan.BytesTransfered);
        Assert.Equal(250, plan.BytesCopied);
        Assert.Equal(1, plan.NeedListLength);
    }

    [Fact]
    public void Need_list_plan_sends_missing_runs_and_references_the_rest()
    {
        var target = Chunks("abcde");
        var missing = new HashSet<ChunkHash> { target[1].Hash, target[2].Hash, target[4].Hash };
        var plan = DeltaPlan.FromMissing(target, missing);
        Assert.Equal(["Reference", "Send", "Send", "Reference", "Send"],
            plan.Steps.Select(s => s is SendStep ? "Send" : "Reference"));
        Assert.Equal(2, plan.NeedListLength);
        Assert.Equal(20 + 30 + 50, plan.BytesTransfered);
        Assert.Equal(Size(target), plan.BytesCopied + plan.BytesTransfered);
    }

    [Fact]
    public void A_new_file_against_an_empty_destination_is_one_need_run()
    {
        var target = Chunks("abc");
        var plan = DeltaPlan.FromMissing(target, target.Select(c => c.Hash).ToHashSet());
        Assert.Equal(1, plan.NeedListLength);
        Assert.Equal(0, plan.BytesCopied);
    }
}
