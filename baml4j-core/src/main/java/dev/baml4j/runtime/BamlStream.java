package dev.baml4j.runtime;

import dev.baml4j.BamlAbortException;
import dev.baml4j.runtime.internal.Failures;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A streaming function call: partial values as the reply arrives (each one different from the
 * one before), then the final value. Consume the partials either by iterating (blocks the
 * iterating thread between partials) or through {@link #toPublisher()} (never blocks); not both.
 * Closing the stream aborts the HTTP stream and frees its connection.
 *
 * <pre>{@code
 * try (BamlStream<BamlValue, BamlValue> s = rt.stream("ExtractResume", Map.of("text", txt))) {
 *     for (BamlValue partial : s) show(partial);
 *     BamlValue done = s.getFinalResponse();
 * }
 * }</pre>
 *
 * If the call fails, iteration ends by throwing the failure (a {@link dev.baml4j.BamlException});
 * after {@link #close()} it just ends.
 *
 * @param <P> the partial type
 * @param <T> the final type
 */
public final class BamlStream<P, T> implements Iterable<P>, AutoCloseable {

    private static final Object END = new Object();

    private final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean consumed = new AtomicBoolean();
    private volatile Runnable abort = () -> { };
    private volatile PublisherSubscription subscription;

    BamlStream() {
    }

    void onAbort(Runnable action) {
        this.abort = action;
    }

    void emit(P partial) {
        if (!result.isDone()) {
            events.add(partial);
            drainToSubscriber();
        }
    }

    void complete(T value) {
        if (result.complete(value)) {
            events.add(END);
            drainToSubscriber();
        }
    }

    void fail(Throwable error) {
        if (result.completeExceptionally(Failures.unwrap(error))) {
            events.add(END);
            drainToSubscriber();
        }
    }

    /** Waits for the call to end and returns the final value, or throws its failure. */
    public T getFinalResponse() {
        try {
            return result.join();
        } catch (RuntimeException e) {
            throw rethrowable(e);
        }
    }

    /** The final value, without blocking. */
    public CompletableFuture<T> finalResponse() {
        return result.thenApply(v -> v);
    }

    public boolean isDone() {
        return result.isDone();
    }

    /** Aborts the call if it is still running (its HTTP stream is cancelled); the iteration then ends. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && !result.isDone()) {
            abort.run();
            fail(new BamlAbortException("the stream was closed before the call finished"));
        }
    }

    @Override
    public Iterator<P> iterator() {
        if (!consumed.compareAndSet(false, true)) {
            throw new IllegalStateException("a BamlStream can be iterated (or published) once");
        }
        return new Iterator<>() {
            private Object next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    try {
                        next = events.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        close();
                        return false;
                    }
                }
                if (next == END) {
                    if (result.isCompletedExceptionally() && !closed.get()) {
                        result.exceptionally(e -> {
                            throw rethrowable(e);
                        }).join();
                    }
                    return false;
                }
                return true;
            }

            @Override
            @SuppressWarnings("unchecked")
            public P next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                P p = (P) next;
                next = null;
                return p;
            }
        };
    }

    /**
     * The partials as a {@link Flow.Publisher} for one subscriber, honouring its demand; it completes
     * after the final value, or signals the call's failure. Cancelling the subscription closes the stream.
     */
    public Flow.Publisher<P> toPublisher() {
        return subscriber -> {
            if (!consumed.compareAndSet(false, true)) {
                subscriber.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {
                    }

                    @Override
                    public void cancel() {
                    }
                });
                subscriber.onError(new IllegalStateException("a BamlStream can be iterated (or published) once"));
                return;
            }
            PublisherSubscription s = new PublisherSubscription(subscriber);
            subscription = s;
            subscriber.onSubscribe(s);
            drainToSubscriber();
        };
    }

    private void drainToSubscriber() {
        PublisherSubscription s = subscription;
        if (s != null) {
            s.drain();
        }
    }

    private static RuntimeException rethrowable(Throwable t) {
        Throwable e = Failures.unwrap(t);
        if (e instanceof RuntimeException r) {
            return r;
        }
        if (e instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(e);
    }

    private final class PublisherSubscription implements Flow.Subscription {
        private final Flow.Subscriber<? super P> subscriber;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private volatile boolean done;

        PublisherSubscription(Flow.Subscriber<? super P> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                done = true;
                subscriber.onError(new IllegalArgumentException("Flow.Subscription.request needs n > 0 (rule 3.9)"));
                close();
                return;
            }
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            drain();
        }

        @Override
        public void cancel() {
            done = true;
            close();
        }

        /** Serialised delivery: whoever raises wip from 0 delivers for everyone. */
        @SuppressWarnings("unchecked")
        void drain() {
            if (wip.getAndIncrement() != 0) {
                return;
            }
            int missed = 1;
            while (true) {
                while (!done) {
                    Object head = events.peek();
                    if (head == null) {
                        break;
                    }
                    if (head == END) {
                        events.poll();
                        done = true;
                        if (result.isCompletedExceptionally() && !closed.get()) {
                            result.whenComplete((v, e) -> subscriber.onError(Failures.unwrap(e)));
                        } else {
                            subscriber.onComplete();
                        }
                        break;
                    }
                    if (demand.get() == 0) {
                        break;
                    }
                    events.poll();
                    demand.decrementAndGet();
                    subscriber.onNext((P) head);
                }
                missed = wip.addAndGet(-missed);
                if (missed == 0) {
                    return;
                }
            }
        }
    }
}
