import AtomicWrite
import CHDF5
import Foundation

/// An open HDF5 file. Closed when the value is released, or explicitly with `close()`.
public final class H5File {
    /// The path as the user gave it, for messages.
    public let path: String
    let id: hid_t
    private var isOpen = true

    private init(path: String, id: hid_t) {
        self.path = path
        self.id = id
    }

    deinit {
        if isOpen { HDF5Library.call { _ = H5Fclose(id) } }
    }

    public enum Mode: Sendable { case readOnly, readWrite }

    /// Opens an existing file, first checking what is at `path` so the message says which of
    /// missing / directory / unreadable / empty / not HDF5 it is.
    public static func open(_ path: String, mode: Mode = .readOnly) throws -> H5File {
        try checkReadable(path)
        return try HDF5Library.call {
            let flags = mode == .readOnly ? jnb_h5f_acc_rdonly() : jnb_h5f_acc_rdwr()
            let id = H5Fopen(path, flags, Self.fileAccess)
            guard id >= 0 else {
                let detail = HDF5Library.takeErrorMessage()
                throw HDF5Error(path: path, message: "cannot open as HDF5 (damaged or truncated file?): \(detail)")
            }
            return H5File(path: path, id: id)
        }
    }

    /// File access without HDF5's file locks. HDF5 opens files without close-on-exec, so a
    /// process started meanwhile (by a test, or a tool) inherits the descriptor and keeps its
    /// lock, and the next open of the file fails ("Resource temporarily unavailable"). jnb
    /// never shares an open file: it writes to a temporary file and renames it into place,
    /// so the locks protect nothing here.
    static let fileAccess: hid_t = {
        let list = H5Pcreate(jnb_h5p_file_access())
        guard list >= 0, H5Pset_file_locking(list, false, true) >= 0 else { return jnb_h5p_default() }
        return list
    }()

    /// Creation lists for the file (its root group), groups and datasets without HDF5's
    /// object times: those stamp every object with the second it was written, so the same
    /// jets or model written twice would give files that differ, and a rerun could not be
    /// checked with `cmp`.
    private static func untimedCreation(_ listClass: hid_t) -> hid_t {
        let list = H5Pcreate(listClass)
        guard list >= 0, H5Pset_obj_track_times(list, false) >= 0 else { return jnb_h5p_default() }
        return list
    }

    static let fileCreation = untimedCreation(jnb_h5p_file_create())
    static let groupCreation = untimedCreation(jnb_h5p_group_create())

    /// Creates (or truncates) a file. Prefer `writeAtomically`, which never leaves a half file.
    public static func create(_ path: String) throws -> H5File {
        try HDF5Library.call {
            let id = H5Fcreate(path, jnb_h5f_acc_trunc(), Self.fileCreation, Self.fileAccess)
            guard id >= 0 else {
                throw HDF5Error(path: path, message: "cannot create file: \(HDF5Library.takeErrorMessage())")
            }
            return H5File(path: path, id: id)
        }
    }

    /// Writes a new file at `path` through a temporary file in the same folder, renamed over
    /// `path` only when `body` and the close succeed. On any failure (including an error
    /// thrown by `body`, e.g. an interrupt) the temporary file is removed and whatever was at
    /// `path` before is untouched.
    public static func writeAtomically(_ path: String, _ body: (H5File) throws -> Void) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HDF5Error(path: path, message: "cannot write: folder '\(folder)' does not exist")
        }
        // access(2) rather than FileManager, for the reason: permissions or a read-only file system.
        guard access(folder, W_OK) == 0 else {
            let reason = String(cString: strerror(errno)).lowercased()
            throw HDF5Error(path: path, message: "cannot write: folder '\(folder)' is not writable (\(reason))")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw HDF5Error(path: path, message: "cannot write: it is a directory")
        }
        try AtomicWrite.withTemporaryFile(beside: path) { temporary in
            do {
                let file = try create(temporary)
                try body(file)
                try file.close()
                do throws(AtomicWrite.Failure) {
                    try AtomicWrite.replace(path, with: temporary)
                } catch {
                    throw HDF5Error(path: path, message: "cannot move the written file into place: \(error.reason)")
                }
            } catch {
                unlink(temporary)
                if let error = error as? HDF5Error, error.path == temporary {
                    throw HDF5Error(path: path, object: error.object, message: error.message)
                }
                throw error
            }
        }
    }

    /// The file's size in bytes.
    public func size() throws -> Int {
        var bytes: hsize_t = 0
        guard HDF5Library.call({ H5Fget_filesize(id, &bytes) }) >= 0 else {
            throw HDF5Error(path: path, message: "cannot get the file's size: \(HDF5Library.call { HDF5Library.takeErrorMessage() })")
        }
        return Int(clamping: bytes)
    }

    /// Flushes and closes the file, reporting a failure (e.g. disk full) as an error.
    public func close() throws {
        guard isOpen else { return }
        isOpen = false
        try HDF5Library.call {
            guard H5Fclose(id) >= 0 else {
                throw HDF5Error(path: path, message: "cannot finish writing: \(HDF5Library.takeErrorMessage())")
            }
        }
    }

    /// Names of the objects (datasets, groups) at the root of the file, sorted. The links are
    /// walked with H5Literate: counting them first (H5Gget_info) crashes inside HDF5 1.10 on
    /// some damaged files where the walk ends in an error (docs/FUZZING.md).
    public func rootNames() throws -> [String] {
        try HDF5Library.call {
            var names: [String] = []
            let status = withUnsafeMutablePointer(to: &names) { list in
                H5Literate(id, H5_INDEX_NAME, H5_ITER_INC, nil, { _, name, _, data in
                    guard let name, let data else { return -1 }
                    data.assumingMemoryBound(to: [String].self).pointee.append(String(cString: name))
                    return 0
                }, list)
            }
            guard status >= 0 else {
                throw HDF5Error(path: path, message: "cannot list the file's contents (damaged file?): \(HDF5Library.takeErrorMessage())")
            }
            return names.sorted()
        }
    }

    /// Whether an object named `name` (a path like "layers/0/weight") exists.
    public func contains(_ name: String) -> Bool {
        HDF5Library.call {
            // Check each prefix: H5Lexists fails (rather than answering no) on a missing group.
            var prefix = ""
            for part in name.split(separator: "/") {
                prefix += prefix.isEmpty ? String(part) : "/\(part)"
                guard H5Lexists(id, prefix, jnb_h5p_default()) > 0 else {
                    _ = HDF5Library.takeErrorMessage()
                    return false
                }
            }
            return !prefix.isEmpty
        }
    }

    /// Opens the dataset `name`.
    public func dataset(_ name: String) throws -> H5Dataset {
        guard contains(name) else {
            throw HDF5Error(path: path, object: name, message: "not found in the file")
        }
        try refuseExternalLinks(name)
        return try H5Dataset(file: self, name: name)
    }

    /// jnb reads only what is stored in the file it was given: HDF5 would open the file an
    /// external link names (relative to the folder jnb runs in, or a prefix from the
    /// environment) without the checks `open` makes, and the data would not travel with the file.
    private func refuseExternalLinks(_ name: String) throws {
        try HDF5Library.call {
            var prefix = ""
            for part in name.split(separator: "/") {
                prefix += prefix.isEmpty ? String(part) : "/\(part)"
                var info = H5L_info_t()
                guard H5Lget_info(id, prefix, &info, jnb_h5p_default()) >= 0 else {
                    throw HDF5Error(path: path, object: name, message: "cannot read the link '\(prefix)': \(HDF5Library.takeErrorMessage())")
                }
                guard info.type == H5L_TYPE_EXTERNAL else { continue }
                var target = "another file"
                var value = [UInt8](repeating: 0, count: max(1, info.u.val_size))
                var file: UnsafePointer<CChar>?
                var object: UnsafePointer<CChar>?
                if H5Lget_val(id, prefix, &value, value.count, jnb_h5p_default()) >= 0,
                   H5Lunpack_elink_val(value, value.count, nil, &file, &object) >= 0, let file, let object {
                    target = "'\(Self.printable(String(cString: object)))' in \(Self.printable(String(cString: file)))"
                }
                throw HDF5Error(path: path, object: name,
                                message: "stored in another file (an external link to \(target)), which jnb does not follow; copy the data into this file (e.g. with h5copy)")
            }
        }
    }

    /// A name read from a file, for a one-line message: control characters shown as '?', at
    /// most 100 characters.
    static func printable(_ name: String) -> String {
        let clean = String(String.UnicodeScalarView(name.unicodeScalars.map {
            $0.properties.generalCategory == .control ? "?" : $0
        }))
        return clean.count > 100 ? clean.prefix(100) + "…" : clean
    }

    /// Creates a dataset of `T` with `shape`, optionally chunked (`chunks`, same rank) and
    /// gzip-compressed at `deflateLevel` (1–9, needs chunks). Missing groups in `name` are made.
    public func createDataset<T: H5Scalar>(_ name: String, of type: T.Type, shape: [Int],
                                           chunks: [Int]? = nil, deflateLevel: Int? = nil) throws -> H5Dataset {
        try HDF5Library.call {
            let dims = shape.map { hsize_t($0) }
            let space = H5Screate_simple(Int32(dims.count), dims, nil)
            defer { H5Sclose(space) }
            let dcpl = H5Pcreate(jnb_h5p_dataset_create())
            defer { H5Pclose(dcpl) }
            _ = H5Pset_obj_track_times(dcpl, false)
            if let chunks {
                let chunkDims = zip(chunks, shape).map { hsize_t(max(1, min($0, max($1, 1)))) }
                _ = H5Pset_chunk(dcpl, Int32(chunkDims.count), chunkDims)
                if let deflateLevel { _ = H5Pset_deflate(dcpl, UInt32(deflateLevel)) }
            }
            // The groups on the way are made here rather than by HDF5's intermediate-group
            // option, which would make them with object times.
            var group = ""
            for part in name.split(separator: "/").dropLast() {
                group += group.isEmpty ? String(part) : "/\(part)"
                guard !contains(group) else { continue }
                let made = H5Gcreate2(id, group, jnb_h5p_default(), Self.groupCreation, jnb_h5p_default())
                guard made >= 0 else {
                    throw HDF5Error(path: path, object: group, message: "cannot create the group: \(HDF5Library.takeErrorMessage())")
                }
                H5Gclose(made)
            }
            let dataset = H5Dcreate2(id, name, T.fileType, space, jnb_h5p_default(), dcpl, jnb_h5p_default())
            guard dataset >= 0 else {
                throw HDF5Error(path: path, object: name, message: "cannot create: \(HDF5Library.takeErrorMessage())")
            }
            H5Dclose(dataset)
            return try H5Dataset(file: self, name: name)
        }
    }

    /// Writes a whole dataset in one call (small arrays: labels, weights, histories).
    @discardableResult
    public func write<T: H5Scalar>(_ values: [T], to name: String, shape: [Int]? = nil,
                                   chunks: [Int]? = nil, deflateLevel: Int? = nil) throws -> H5Dataset {
        let shape = shape ?? [values.count]
        guard shape.reduce(1, *) == values.count else {
            throw HDF5Error(path: path, object: name, message: "\(values.count) values do not fill shape \(shape)")
        }
        let dataset = try createDataset(name, of: T.self, shape: shape, chunks: chunks, deflateLevel: deflateLevel)
        try values.withUnsafeBufferPointer { try dataset.write(rows: 0..<(shape.first ?? 0), from: $0) }
        return dataset
    }

    // MARK: Attributes of the root group

    public func setAttribute(_ name: String, _ value: H5AttributeValue) throws {
        try HDF5Library.call { try H5Attributes.set(name, value, on: id, path: path, object: nil) }
    }

    public func attribute(_ name: String) throws -> H5AttributeValue? {
        try HDF5Library.call { try H5Attributes.get(name, on: id, path: path, object: nil) }
    }

    /// Checks what is at `path` before HDF5 sees it, for precise messages: the system's
    /// reason when it cannot be reached, what it is when it is not a regular file.
    static func checkReadable(_ path: String) throws {
        // stat follows symbolic links: the file a link points to is the one checked.
        var info = stat()
        guard stat(path, &info) == 0 else {
            throw HDF5Error(path: path, message: UnreachablePath.reason(path, errno: errno))
        }
        let kind: String? = switch info.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "is a directory"
        case S_IFIFO: "not a regular file (a named pipe)"
        case S_IFCHR: "not a regular file (a character device)"
        case S_IFBLK: "not a regular file (a block device)"
        case S_IFSOCK: "not a regular file (a socket)"
        default: "not a regular file"
        }
        if let kind { throw HDF5Error(path: path, message: "\(kind), expected an HDF5 file") }
        // access(2) with the real user, as the system will check the open.
        guard access(path, R_OK) == 0 else {
            throw HDF5Error(path: path, message: "permission denied (not readable)")
        }
        if info.st_size == 0 {
            // The kernel's files (/proc, /sys) say 0 bytes and still have content.
            let handle = FileHandle(forReadingAtPath: path)
            let got = (try? handle?.read(upToCount: 1))??.count ?? 0
            try? handle?.close()
            throw HDF5Error(path: path, message: got > 0
                ? "not a regular file (a file of the kernel, as in /proc), expected an HDF5 file"
                : "empty file (0 bytes), expected an HDF5 file")
        }
        let isHDF5 = HDF5Library.call { H5Fis_hdf5(path) }
        if isHDF5 <= 0 {
            _ = HDF5Library.call { HDF5Library.takeErrorMessage() }
            throw HDF5Error(path: path, message: "not an HDF5 file (no HDF5 signature)")
        }
        try H5RootGroupCheck.check(path)
    }
}
