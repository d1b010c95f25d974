package org.mpionspark.notebooks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The few calls of Zeppelin's {@code z} the notes make, for the harness: {@code z.show(df)} prints
 * a {@code %table} as Zeppelin's does (tab-separated, header first; whatever the paragraph prints
 * after it would be read as rows, so the notes show a table last, in a paragraph of its own), {@code z.put}/{@code z.get}
 * share values between paragraphs. In Zeppelin itself {@code z} is Zeppelin's own.
 */
public final class MiniZeppelinContext {

    private final Map<String, Object> shared = new HashMap<>();
    private int maxResult = 1000;

    /** Prints {@code df}'s first rows as Zeppelin's table display. */
    public void show(Dataset<?> df) {
        show(df, maxResult);
    }

    /** As {@link #show(Dataset)}, at most {@code maxRows} rows. */
    public void show(Dataset<?> df, int maxRows) {
        StringBuilder s = new StringBuilder("%table ").append(String.join("\t", df.columns())).append('\n');
        List<Row> rows = df.toDF().limit(maxRows).collectAsList();
        for (Row r : rows) {
            for (int i = 0; i < r.size(); i++) {
                s.append(i == 0 ? "" : "\t").append(String.valueOf(r.get(i)).replace('\t', ' ').replace('\n', ' '));
            }
            s.append('\n');
        }
        scala.Console$.MODULE$.out().print(s.append('\n'));
    }

    public void put(String name, Object value) {
        shared.put(name, value);
    }

    public Object get(String name) {
        return shared.get(name);
    }

    public void setMaxResult(int rows) {
        this.maxResult = rows;
    }
}
