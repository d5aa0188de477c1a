package dev.k6j.engine.executor;

import dev.k6j.engine.vu.VirtualUser;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The initialized VUs not running for any scenario now. Thread-safe; scenarios take VUs and give them back.
 */
public final class VuPool {

    private final LinkedBlockingQueue<VirtualUser> idle;

    public VuPool(List<VirtualUser> vus) {
        this.idle = new LinkedBlockingQueue<>(vus);
    }

    /** Takes an idle VU, waiting if another scenario holds them all for now. */
    public VirtualUser take() throws InterruptedException {
        return idle.take();
    }

    public void giveBack(VirtualUser vu) {
        idle.add(vu);
    }
}
