import CHDF5

/// Swift types that map to an HDF5 native memory type and a little-endian file type.
public protocol H5Scalar: Sendable {
    static var nativeType: hid_t { get }
    static var fileType: hid_t { get }
}

extension Float: H5Scalar {
    public static var nativeType: hid_t { jnb_h5t_native_float() }
    public static var fileType: hid_t { jnb_h5t_ieee_f32le() }
}

extension Double: H5Scalar {
    public static var nativeType: hid_t { jnb_h5t_native_double() }
    public static var fileType: hid_t { jnb_h5t_ieee_f64le() }
}

extension Int64: H5Scalar {
    public static var nativeType: hid_t { jnb_h5t_native_int64() }
    public static var fileType: hid_t { jnb_h5t_std_i64le() }
}

/// What a dataset stores, as read from its file datatype.
public enum H5ElementKind: Sendable, Equatable, CustomStringConvertible {
    case float(bits: Int)
    case integer(bits: Int, signed: Bool)
    case string
    case other(String)

    public var description: String {
        switch self {
        case let .float(bits): "float\(bits)"
        case let .integer(bits, signed): "\(signed ? "int" : "uint")\(bits)"
        case .string: "string"
        case let .other(name): name
        }
    }
}
