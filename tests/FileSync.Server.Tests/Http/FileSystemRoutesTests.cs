using System.Net;
using FileSync.Server.Tests.Support;

namespace FileSync.Server.Tests.Http;

public sealed class FileSystemRoutesTests : IAsyncLifetime
{
    private InProcessNode _node = null!;

    public async Task InitializeAsync() => _node = await InProcessNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    [Fact]
    public async Task Creating_answers_201_then_200_and_the_list_shows_each_name_once()
    {
        Assert.Equal("[]", await _node.Http.GetStringAsync("fs"));
        using var first = await _node.Http.PutAsync("admin/fs/NorthwindFS", null);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var again = await _node.Http.PutAsync("admin/fs/NorthwindFS", null);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var other = await _node.Http.PutAsync("admin/fs/Slave.Northwind-FS_2", new StringContent(""));
        Assert.Equal(HttpStatusCode.Created, other.StatusCode);
        Assert.Equal("[\"NorthwindFS\",\"Slave.Northwind-FS_2\"]", await _node.Http.GetStringAsync("fs"));
    }

    [Fact]
    public async Task A_method_the_node_does_not_serve_is_a_404_problem()
    {
        using var response = await _node.Http.DeleteAsync("fs");
        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
    }
}
