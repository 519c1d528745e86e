using System.Net.Sockets;
using EnergyActors.Silo.Storage;
using Npgsql;

namespace EnergyActors.Tests.History;

/// <summary>
/// Only unavailability is retried as back-pressure (503); an error about a row's content is that row's alone,
/// and any other server error is a bug. Treating every database error as transient once made one NUL
/// character answer 503 forever to everyone sharing its commit.
/// </summary>
public sealed class StorageFailureTests
{
    [Theory]
    [InlineData("08006")] // connection failure
    [InlineData("40001")] // serialization failure
    [InlineData("40P01")] // deadlock
    [InlineData("53300")] // too many connections
    [InlineData("57P01")] // administrator shutdown
    [InlineData("57P03")] // cannot connect now
    [InlineData("57014")] // statement timeout
    [InlineData("58030")] // I/O error
    public void Unavailability_is_transient_and_not_a_row_error(string sqlState)
    {
        var error = new PostgresException("x", "ERROR", "ERROR", sqlState);
        Assert.True(StorageFailure.IsTransient(error));
        Assert.False(StorageFailure.IsRowData(error));
    }

    [Theory]
    [InlineData("22021")] // invalid byte sequence (a NUL in text)
    [InlineData("22003")] // numeric value out of range
    [InlineData("22008")] // datetime field overflow
    [InlineData("23514")] // check violation
    [InlineData("23502")] // not-null violation
    [InlineData("54000")] // program limit exceeded (e.g. an index row too large)
    public void Errors_about_a_rows_content_are_row_errors_and_never_transient(string sqlState)
    {
        var error = new PostgresException("x", "ERROR", "ERROR", sqlState);
        Assert.False(StorageFailure.IsTransient(error));
        Assert.True(StorageFailure.IsRowData(error));
    }

    [Theory]
    [InlineData("42P01")] // undefined table: a bug, answered 500
    [InlineData("42601")] // syntax error
    [InlineData("XX000")] // internal error
    public void Other_server_errors_are_neither(string sqlState)
    {
        var error = new PostgresException("x", "ERROR", "ERROR", sqlState);
        Assert.False(StorageFailure.IsTransient(error));
        Assert.False(StorageFailure.IsRowData(error));
    }

    [Fact]
    public void Failing_to_reach_the_server_is_transient()
    {
        Assert.True(StorageFailure.IsTransient(new NpgsqlException("Failed to connect", new SocketException())));
        Assert.True(StorageFailure.IsTransient(new TimeoutException()));
        Assert.True(StorageFailure.IsTransient(new IOException()));
        Assert.False(StorageFailure.IsTransient(new InvalidOperationException()));
        Assert.False(StorageFailure.IsTransient(new ArgumentException()));
    }
}
