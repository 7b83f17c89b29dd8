#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the user typed while a command ran. libedit puts the terminal back in its normal,
/// line-by-line mode between prompts, so keys typed then are held by the terminal driver:
/// a line ended with Enter is handed on as it is when libedit switches to raw mode again,
/// but Ctrl-D is kept as an end-of-input mark that turns into a NUL byte there, and a Ctrl-D
/// pressed to leave once a long `fit` or `simulate` is done would be lost. So before the
/// prompt comes back, a complete line or end of input already waiting is read here, in the
/// normal mode, where the driver gives either the line or a read of zero bytes. And since
/// libedit leaves that mode only after drawing the prompt, it is left here first, so that a
/// Ctrl-D pressed as soon as the prompt shows is not caught in between.
enum TypedAhead {
    /// The complete line or end of input waiting on terminal `fd`, nil when there is none
    /// (only part of a line, which libedit then shows for editing, or nothing at all).
    static func take(from fd: Int32) -> LineInput? {
        guard isatty(fd) == 1 else { return nil }
        var settings = termios()
        guard tcgetattr(fd, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) != 0 else { return nil }
        var request = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&request, 1, 0) == 1, request.revents & Int16(POLLIN) != 0 else { return nil }
        // A line of the terminal driver holds at most 4,095 bytes and its line end.
        var bytes = [UInt8](repeating: 0, count: 4096)
        let count = read(fd, &bytes, bytes.count)
        if count == 0 { return .endOfInput }
        guard count > 0 else { return nil }
        var line = String(decoding: bytes[0..<count], as: UTF8.self)
        if line.hasSuffix("\n") { line.removeLast() }
        return .line(line)
    }

    /// Leaves the line-by-line mode of terminal `fd` (keys then come as typed, unechoed). libedit
    /// takes it from there and puts the normal mode back after the line.
    static func passKeysAsTyped(_ fd: Int32) {
        var settings = termios()
        guard isatty(fd) == 1, tcgetattr(fd, &settings) == 0, settings.c_lflag & tcflag_t(ICANON) != 0 else { return }
        settings.c_lflag &= ~tcflag_t(ICANON | ECHO)
        tcsetattr(fd, TCSANOW, &settings)
    }
}
