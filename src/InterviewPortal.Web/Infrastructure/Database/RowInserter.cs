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
/// sends one per 50–90 rows (as many as fit in 999 parameters). It stays provider-neutral: table, columns, quoting
/// and every parameter come from the EF model and the provider's type mappings, so values are stored exactly as
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

        try
        {
            foreach (var chunk in rows.Chunk(perCommand))
            {
                // A fresh command per chunk: one prepared Npgsql command reused with new parameter objects sent the
                // first chunk's values again (a duplicate key); parsing a new INSERT costs SQLite well under a millisecond.
                await using var command = shape.Command(db, transaction, chunk);
                await command.ExecuteNonQueryAsync(ct);
            }
        }
        catch (DbException e)
        {
            // The same exception SaveChanges throws, so callers that catch a unique-index violation keep working.
            throw new DbUpdateException($"Inserting {rows.Count} {typeof(T).Name} rows failed: {e.Message}", e);
        }
    }

    private sealed class Shape<T>(ISqlGenerationHelper sql, StoreObjectIdentifier table, List<IProperty> columns)
    {
        private readonly RelationalTypeMapping[] mappings = [.. columns.Select(c => c.GetRelationalTypeMapping())];
        private readonly IClrPropertyGetter[] getters = [.. columns.Select(c => c.GetGetter())];

        /// <summary>The INSERT of these rows; every parameter made by its column's type mapping, as SaveChanges makes it (converters, sizes, DB types).</summary>
        public DbCommand Command(DbContext db, DbTransaction transaction, T[] chunk)
        {
            var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = transaction;
            command.CommandTimeout = db.Database.GetCommandTimeout() ?? command.CommandTimeout;
            var text = new StringBuilder("INSERT INTO ").Append(sql.DelimitIdentifier(table.Name, table.Schema)).Append(" (")
                .AppendJoin(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!))).Append(") VALUES ");
            for (var row = 0; row < chunk.Length; row++)
            {
                text.Append(row == 0 ? "(" : ", (");
                for (var column = 0; column < columns.Count; column++)
                {
                    var name = "p" + (row * columns.Count + column).ToString(CultureInfo.InvariantCulture);
                    text.Append(column == 0 ? "" : ", ").Append(sql.GenerateParameterNamePlaceholder(name));
                    command.Parameters.Add(mappings[column].CreateParameter(command, sql.GenerateParameterName(name),
                        getters[column].GetClrValueUsingContainingEntity(chunk[row]!), columns[column].IsNullable));
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            return command;
        }
    }
}
