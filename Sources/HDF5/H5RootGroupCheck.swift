import Foundation

/// A look at the root group's B-tree and name heap before HDF5 opens the file. HDF5 1.10
/// crashes (copies from a NULL pointer) on files whose root group points at a heap that is not
/// there, which the fuzz target found several times (docs/FUZZING.md); jnb gives an error
/// instead. Only the classic layout is checked (superblock version 0 or 1 at the start of the
/// file, 8-byte addresses and lengths, a root entry that caches the group's addresses), which
/// is what HDF5 writes by default and what the public jet file uses; other files pass through.
enum H5RootGroupCheck {
    static func check(_ path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        guard let length = try? handle.seekToEnd(), (try? handle.seek(toOffset: 0)) != nil,
              let header = try? handle.read(upToCount: 136), header.count == 136 else { return }
        let bytes = [UInt8](header)
        let signature: [UInt8] = [0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A]
        guard bytes.starts(with: signature), bytes[8] <= 1, bytes[13] == 8, bytes[14] == 8 else { return }
        // Base address, three more addresses, then the root entry: name offset, object header
        // address, cache type, reserved, and (cache type 1) the B-tree and heap addresses.
        let entry = bytes[8] == 1 ? 60 : 56
        guard readWord(bytes, entry + 16, 4) == 1 else { return }
        let addresses = bytes[8] == 1 ? 28 : 24
        let base = readWord(bytes, addresses, 8)
        // A file shorter than its header says is truncated: HDF5 refuses it with its own error.
        guard base &+ readWord(bytes, addresses + 16, 8) <= length else { return }
        let tree = base &+ readWord(bytes, entry + 24, 8)
        let heap = base &+ readWord(bytes, entry + 32, 8)

        func damaged(_ what: String) -> HDF5Error {
            HDF5Error(path: path, message: "damaged HDF5 file: \(what)")
        }
        func read(_ offset: UInt64, _ count: Int) -> [UInt8]? {
            guard offset < length, (try? handle.seek(toOffset: offset)) != nil,
                  let data = try? handle.read(upToCount: count), data.count == count else { return nil }
            return [UInt8](data)
        }
        guard let node = read(tree, 4), node == Array("TREE".utf8) else {
            throw damaged("the root group's index is not where the file header says (byte \(tree))")
        }
        guard let prefix = read(heap, 32), prefix.starts(with: Array("HEAP".utf8)) else {
            throw damaged("the root group's name heap is not where the file header says (byte \(heap))")
        }
        let size = readWord(prefix, 8, 8)
        let start = base &+ readWord(prefix, 24, 8)
        guard size <= length, start <= length, start + size <= length else {
            throw damaged("the root group's name heap claims \(size) bytes at byte \(start), past the end of the file (\(length) bytes)")
        }
        // HDF5 1.10 follows the heap's free list without noticing a loop, allocating at each
        // step until memory runs out. The list ends at offset 1; every block lies in the heap.
        var free = readWord(prefix, 16, 8)
        guard free != 1, size <= 1 << 24, let data = read(start, Int(size)) else { return }
        var visited: Set<UInt64> = []
        while free != 1 {
            guard size >= 16, free <= size - 16, visited.insert(free).inserted,
                  case let block = readWord(data, Int(free) + 8, 8), block >= 16, block <= size &- free else {
                throw damaged("the free list of the root group's name heap is broken (at offset \(free))")
            }
            free = readWord(data, Int(free), 8)
        }
    }

    /// A little-endian unsigned number of `count` bytes at `offset`.
    private static func readWord(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> UInt64 {
        (0..<count).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }
    }
}
