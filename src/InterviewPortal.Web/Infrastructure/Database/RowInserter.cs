using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace InterviewPortal.Web.Infrastructure.Database;

/// <summary>
/// Inserts many new rows of one entity with multi-row INSERTs on the context's connection, inside its current
/// transaction. SaveChanges sends one INSERT per row on SQLite (10,000 imported candidates took seconds); this
/// sends one per ~90 rows and reuses the prepared command. It stays provider-neutral: table, columns, quoting and
/// every parameter come from the EF model and the provider's type mappings, so values are stored exactly as
/// SaveChanges stores them. The rows are not tracked and do not get their generated ids back.
/// </summary>
public static class RowInserter
{
    // Below every provider's limit: SQL Server takes 2,100 parameters, SQLite builds before 3.32 took 999.
    private const int MaxParameters = 999;
    private const int MaxRowsPerCommand = 100;

    public static async Task InsertRowsAsync<T>(this DbContext db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0)
            return;
        // All or nothing is the caller's transaction; outside one a failure would leave half the rows.
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                          ?? throw new InvalidOperationException("InsertRowsAsync needs the caller's transaction.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated != ValueGenerated.Never)).ToList();
        if (columns.FirstOrDefault(p => p.IsShadowProperty()) is { } shadow)
            throw new InvalidOperationException($"{typeof(T).Name}.{shadow.Name} is a shadow property; InsertRowsAsync reads values from the object.");
        var shape = new Shape<T>(db.GetService<ISqlGenerationHelper>(), table, columns);
        var perCommand = Math.Min(MaxRowsPerCommand, MaxParameters / columns.Count);

        DbCommand? full = null;
        try
        {
            foreach (var chunk in rows.Chunk(perCommand))
            {
                var reused = chunk.Length == perCommand;
                var command = reused ? full ??= shape.Command(db, transaction, perCommand) : shape.Command(db, transaction, chunk.Length);
                var prepare = reused && command.Parameters.Count == 0;
                shape.Bind(command, chunk);
                if (prepare)
                    await command.PrepareAsync(ct);
                await command.ExecuteNonQueryAsync(ct);
                if (!reused)
                    await command.DisposeAsync();
            }
        }
        catch (DbException e)
        {
            // The same exception SaveChanges throws, so callers that catch a unique-index violation keep working.
            throw new DbUpdateException($"Inserting {rows.Count} {typeof(T).Name} rows failed: {e.Message}", e);
        }
        finally
        {
            if (full is not null)
                await full.DisposeAsync();
        }
    }

    private sealed class Shape<T>(ISqlGenerationHelper sql, StoreObjectIdentifier table, List<IProperty> columns)
    {
        private readonly RelationalTypeMapping[] mappings = [.. columns.Select(c => c.GetRelationalTypeMapping())];
        private readonly IClrPropertyGetter[] getters = [.. columns.Select(c => c.GetGetter())];

        public DbCommand Command(DbContext db, DbTransaction transaction, int rowCount)
        {
            var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
                .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!))).Append(") VALUES ");
            for (var row = 0; row < rowCount; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < columns.Count; column++)
                    text.Append(column == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(Name(row, column)));
                text.Append(')');
            }
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text.ToString();
            command.CommandTimeout = db.Database.GetCommandTimeout() ?? command.CommandTimeout;
            return command;
        }

        /// <summary>Fresh parameters for every chunk through the type mapping, as SaveChanges makes them (converters, sizes, DB types).</summary>
        public void Bind(DbCommand command, T[] chunk)
        {
            command.Parameters.Clear();
            for (var row = 0; row < chunk.Length; row++)
                for (var column = 0; column < columns.Count; column++)
                    command.Parameters.Add(mappings[column].CreateParameter(command, sql.GenerateParameterName(Name(row, column)),
                        getters[column].GetClrValueUsingContainingEntity(chunk[row]!), columns[column].IsNullable));
        }

        private string Name(int row, int column) => "p" + (row * columns.Count + column).ToString(CultureInfo.InvariantCulture);
    }
}
