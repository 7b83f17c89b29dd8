import CHDF5

/// A small value stored as an HDF5 attribute: what model files and jet files use for
/// metadata (layer lists, activation names, training settings, provenance).
public enum H5AttributeValue: Sendable, Equatable {
    case string(String)
    case double(Double)
    case int(Int64)
    case doubles([Double])
    case ints([Int64])

    public var stringValue: String? { if case let .string(s) = self { s } else { nil } }
    public var doubleValue: Double? {
        switch self {
        case let .double(d): d
        case let .int(i): Double(i)
        case let .doubles(d) where d.count == 1: d[0]
        case let .ints(i) where i.count == 1: Double(i[0])
        default: nil
        }
    }
    public var intValues: [Int64]? {
        switch self {
        case let .int(i): [i]
        case let .ints(i): i
        // Whole numbers only, and none that Int64 cannot hold (a damaged file can say 1e30).
        case let .doubles(d) where d.allSatisfy({ Int64(exactly: $0) != nil }): d.compactMap { Int64(exactly: $0) }
        default: nil
        }
    }
    public var doubleValues: [Double]? {
        switch self {
        case let .double(d): [d]
        case let .doubles(d): d
        case let .int(i): [Double(i)]
        case let .ints(i): i.map(Double.init)
        default: nil
        }
    }
}

/// Attribute reads and writes on any object id; callers hold the library lock.
enum H5Attributes {
    static func set(_ name: String, _ value: H5AttributeValue, on object: hid_t, path: String, object objectName: String?) throws {
        if H5Aexists(object, name) > 0 { H5Adelete(object, name) }
        func fail() -> HDF5Error {
            HDF5Error(path: path, object: objectName, message: "cannot write attribute '\(name)': \(HDF5Library.takeErrorMessage())")
        }
        switch value {
        case let .string(string):
            let bytes = Array(string.utf8)
            let type = H5Tcopy(jnb_h5t_c_s1())
            defer { H5Tclose(type) }
            H5Tset_size(type, max(1, bytes.count))
            H5Tset_cset(type, H5T_CSET_UTF8)
            H5Tset_strpad(type, H5T_STR_NULLPAD)
            let space = H5Screate(H5S_SCALAR)
            defer { H5Sclose(space) }
            let attribute = H5Acreate2(object, name, type, space, jnb_h5p_default(), jnb_h5p_default())
            guard attribute >= 0 else { throw fail() }
            defer { H5Aclose(attribute) }
            let padded = bytes.isEmpty ? [UInt8(0)] : bytes
            guard H5Awrite(attribute, type, padded) >= 0 else { throw fail() }
        case let .double(d): try write([d], scalar: true)
        case let .int(i): try write([i], scalar: true)
        case let .doubles(d): try write(d, scalar: false)
        case let .ints(i): try write(i, scalar: false)
        }

        func write<T: H5Scalar>(_ values: [T], scalar: Bool) throws {
            let space = scalar ? H5Screate(H5S_SCALAR) : H5Screate_simple(1, [hsize_t(values.count)], nil)
            defer { H5Sclose(space) }
            let attribute = H5Acreate2(object, name, T.fileType, space, jnb_h5p_default(), jnb_h5p_default())
            guard attribute >= 0 else { throw fail() }
            defer { H5Aclose(attribute) }
            guard values.withUnsafeBufferPointer({ H5Awrite(attribute, T.nativeType, $0.baseAddress) }) >= 0 else { throw fail() }
        }
    }

    static func get(_ name: String, on object: hid_t, path: String, object objectName: String?) throws -> H5AttributeValue? {
        guard H5Aexists(object, name) > 0 else { return nil }
        let attribute = H5Aopen(object, name, jnb_h5p_default())
        guard attribute >= 0 else { return nil }
        defer { H5Aclose(attribute) }
        let type = H5Aget_type(attribute)
        defer { H5Tclose(type) }
        let space = H5Aget_space(attribute)
        defer { H5Sclose(space) }
        let count = Int(max(1, H5Sget_simple_extent_npoints(space)))
        let isScalar = H5Sget_simple_extent_ndims(space) == 0
        func fail() -> HDF5Error {
            HDF5Error(path: path, object: objectName, message: "cannot read attribute '\(name)': \(HDF5Library.takeErrorMessage())")
        }
        switch H5Tget_class(type) {
        case H5T_STRING:
            if H5Tis_variable_str(type) > 0 {
                let memoryType = H5Tcopy(jnb_h5t_c_s1())
                defer { H5Tclose(memoryType) }
                H5Tset_size(memoryType, -1)  // H5T_VARIABLE is (size_t)-1; size_t imports as Int
                H5Tset_cset(memoryType, H5Tget_cset(type))  // HDF5 will not convert ASCII ↔ UTF-8
                var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
                guard H5Aread(attribute, memoryType, &pointers) >= 0 else { throw fail() }
                defer { for p in pointers { if let p { H5free_memory(p) } } }
                return .string(pointers.first.flatMap { $0 }.map { String(cString: $0) } ?? "")
            }
            let size = H5Tget_size(type)
            var bytes = [UInt8](repeating: 0, count: size * count + 1)
            guard H5Aread(attribute, type, &bytes) >= 0 else { throw fail() }
            return .string(String(decoding: bytes.prefix(size).prefix { $0 != 0 }, as: UTF8.self))
        case H5T_INTEGER:
            var values = [Int64](repeating: 0, count: count)
            guard H5Aread(attribute, Int64.nativeType, &values) >= 0 else { throw fail() }
            return isScalar ? .int(values[0]) : .ints(values)
        case H5T_FLOAT:
            var values = [Double](repeating: 0, count: count)
            guard H5Aread(attribute, Double.nativeType, &values) >= 0 else { throw fail() }
            return isScalar ? .double(values[0]) : .doubles(values)
        default:
            throw HDF5Error(path: path, object: objectName, message: "attribute '\(name)' has a type jnb does not read")
        }
    }
}
