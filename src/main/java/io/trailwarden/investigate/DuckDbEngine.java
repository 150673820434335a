package io.trailwarden.investigate;

import io.trailwarden.InvalidInputException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The embedded engine: an in-memory DuckDB whose {@code events} table ({@link EventSchema}) holds the
 * window's records. Its json extension is built into the driver; extensions are never installed or
 * loaded from anywhere at run time, so a query needs no network but the S3 listing.
 */
public final class DuckDbEngine implements AutoCloseable {
  private final Connection connection;

  /** Rows of one query: the column names and the values (text, numbers, booleans; times as ISO-8601 UTC). */
  public record Result(List<String> columns, List<List<Object>> rows) {}

  public DuckDbEngine() {
    Properties properties = new Properties();
    properties.setProperty("autoinstall_known_extensions", "false");
    properties.setProperty("autoload_known_extensions", "false");
    try {
      Class.forName("org.duckdb.DuckDBDriver");
      connection = DriverManager.getConnection("jdbc:duckdb:", properties);
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET TimeZone = 'UTC'");
        statement.execute(EventSchema.createTable());
      }
    } catch (SQLException | ClassNotFoundException e) {
      throw new IllegalStateException("cannot start the embedded DuckDB engine: " + e.getMessage(), e);
    }
  }

  /** Loads the records of the files whose events fall in [from, to); returns how many rows the table has. */
  public long load(List<LogFile> files, Instant from, Instant to) {
    if (files.isEmpty()) {
      return 0;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMP TABLE log_files (path VARCHAR, account VARCHAR, region VARCHAR, day DATE)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO log_files VALUES (?, ?, ?, ?)")) {
        for (LogFile file : files) {
          insert.setString(1, file.path().toString());
          insert.setString(2, file.account());
          insert.setString(3, file.region());
          insert.setObject(4, file.day());
          insert.addBatch();
        }
        insert.executeBatch();
      }
      String paths = files.stream().map(f -> Investigation.quote(f.path().toString())).collect(Collectors.joining(", "));
      String fields = EventSchema.RECORD_COLUMNS.stream().map(c -> "r.\"" + c.name() + "\"").collect(Collectors.joining(", "));
      statement.execute("INSERT INTO " + EventSchema.TABLE + " SELECT f.account, f.region, f.day, " + fields
          + " FROM (SELECT filename, unnest(Records) AS r FROM read_json([" + paths + "], columns = "
          + EventSchema.recordsColumn() + ", format = 'auto', filename = true, maximum_object_size = 1073741824)) j"
          + " JOIN log_files f ON f.path = j.filename"
          + " WHERE r.eventTime >= " + timestamp(from) + " AND r.eventTime < " + timestamp(to));
      statement.execute("DROP TABLE log_files");
      try (ResultSet count = statement.executeQuery("SELECT count(*) FROM " + EventSchema.TABLE)) {
        count.next();
        return count.getLong(1);
      }
    } catch (SQLException e) {
      throw new InvalidInputException("the log files could not be read as CloudTrail records: " + firstLine(e));
    }
  }

  /** Runs an investigation's rendered SQL; {@code source} names the file in an error. */
  public Result query(String sql, String source) {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rows.getMetaData();
      List<String> columns = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnLabel(i));
      }
      List<List<Object>> result = new ArrayList<>();
      while (rows.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(value(rows, meta, i));
        }
        result.add(row);
      }
      return new Result(columns, result);
    } catch (SQLException e) {
      throw new InvalidInputException(source + ": the SQL failed: " + firstLine(e));
    }
  }

  private static Object value(ResultSet rows, ResultSetMetaData meta, int i) throws SQLException {
    return switch (meta.getColumnType(i)) {
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
        LocalDateTime time = rows.getObject(i, LocalDateTime.class);
        yield time == null ? null : time.toInstant(ZoneOffset.UTC).toString();
      }
      case Types.BOOLEAN -> rows.getObject(i) == null ? null : rows.getBoolean(i);
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> rows.getObject(i) == null ? null : rows.getLong(i);
      case Types.FLOAT, Types.DOUBLE, Types.DECIMAL -> rows.getObject(i) == null ? null : rows.getDouble(i);
      default -> rows.getString(i);
    };
  }

  private static String timestamp(Instant time) {
    return "TIMESTAMP '" + LocalDateTime.ofInstant(time, ZoneOffset.UTC) + "'";
  }

  private static String firstLine(SQLException e) {
    return String.valueOf(e.getMessage()).lines().filter(l -> !l.isBlank()).findFirst().orElse("") ;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // An in-memory database: nothing to lose.
    }
  }
}
