package dev.k6j.engine.modules.fs;

/**
 * One opened file of k6/experimental/fs: the run's shared copy of its bytes and this handle's own position.
 * Owned by one VU's thread.
 */
public final class FsFile {

    private final String path;
    private final byte[] data;
    private int position;

    FsFile(String path, byte[] data) {
        this.path = path;
        this.data = data;
    }

    public String path() {
        return path;
    }

    /** The bytes, shared by every VU; never written. */
    public byte[] data() {
        return data;
    }

    int position() {
        return position;
    }

    int size() {
        return data.length;
    }

    /** Copies up to {@code length} bytes from the position on; -1 at the end of the file. */
    int read(byte[] into) {
        if (position >= data.length) {
            return -1;
        }
        int n = Math.min(into.length, data.length - position);
        System.arraycopy(data, position, into, 0, n);
        position += n;
        return n;
    }

    /** Moves the position; {@code null} on success, else the reason it cannot. */
    String seek(long offset, int whence) {
        long base = switch (whence) {
            case 0 -> 0;
            case 1 -> position;
            default -> data.length;
        };
        if (whence == 0 && offset < 0) {
            return "offset cannot be negative when using SeekMode.Start";
        }
        if (whence == 2 && offset > 0) {
            return "offset cannot be positive when using SeekMode.End";
        }
        long target = base + offset;
        if (target < 0) {
            return "seeking before the start of the file is not allowed";
        }
        if (target > data.length) {
            return "seeking beyond the end of the file is not allowed";
        }
        position = (int) target;
        return null;
    }
}
