package org.mpionspark.spark.internal;

import java.util.Iterator;

import scala.Tuple2;

/** Pairs each value of partition {@code p} with {@code p}, lazily: a shuffle keyed so keeps partitions whole. */
public record KeyedIterator<R>(Integer p, Iterator<R> values) implements Iterator<Tuple2<Integer, R>> {

    @Override
    public boolean hasNext() {
        return values.hasNext();
    }

    @Override
    public Tuple2<Integer, R> next() {
        return new Tuple2<>(p, values.next());
    }
}
