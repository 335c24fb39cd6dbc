using Npgsql;
using Rapport.Data;

namespace Rapport.UnitTests.Data.PostgreSql;

public class PostgresPoolTests
{
    [Fact]
    public void A_connection_string_without_a_pool_size_gets_one_well_under_the_servers_default_limit()
    {
        var bounded = new NpgsqlConnectionStringBuilder(PostgresPool.Bounded("Host=db;Username=rapport;Password=secret;Database=rapport"));
        Assert.Equal(PostgresPool.DefaultMaximum, bounded.MaxPoolSize);
        Assert.True(bounded.MaxPoolSize < 100);
        Assert.Equal("db", bounded.Host);
        Assert.Equal("secret", bounded.Password);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=120")]
    [InlineData("Host=db;max pool size=7")]
    [InlineData("Host=db;MaxPoolSize=7")]
    public void A_pool_size_the_person_set_is_kept(string connectionString)
    {
        Assert.Equal(connectionString, PostgresPool.Bounded(connectionString));
    }

    [Fact]
    public void Statements_are_prepared_on_the_server_unless_the_connection_string_says_otherwise()
    {
        var prepared = new NpgsqlConnectionStringBuilder(PostgresPool.WithPreparedStatements("Host=db;Username=rapport;Password=secret"));
        Assert.Equal(PostgresPool.DefaultAutoPrepared, prepared.MaxAutoPrepare);
        Assert.Equal("secret", prepared.Password);
        Assert.Equal("Host=db;Max Auto Prepare=0", PostgresPool.WithPreparedStatements("Host=db;Max Auto Prepare=0"));
        Assert.Equal("Host=db;maxautoprepare=5", PostgresPool.WithPreparedStatements("Host=db;maxautoprepare=5"));
    }
}
