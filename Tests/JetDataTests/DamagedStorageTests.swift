import Foundation
import JetData
import Testing
import TestSupport

/// Files whose data HDF5 cannot or must not read as the layout says: each gives one line
/// naming the file, the dataset and what is wrong, never a crash. The files are made by h5py
/// (and damaged byte by byte), so jnb reads files it did not write.
@Suite struct DamagedStorageTests {
    /// Runs `body` (Python, with h5py as `h5py`, numpy as `np`, and `schema(f, n)` writing the
    /// ten variables and the labels of `n` jets) in a new folder and returns the folder.
    func make(_ body: String) throws -> URL {
        let dir = try Fixtures.temporaryDirectory()
        let script = """
            import h5py, numpy as np
            def schema(f, n, **options):
                for k in ['signal','jet_pt','jet_eta','jet_phi','jet_mass','jet_delta_R','tau_1','tau_2','tau_3','tau_21','tau_32']:
                    f.create_dataset(k, shape=(n,), dtype='f4', **options) if options else f.create_dataset(k, data=np.ones(n, 'f4'))

            """ + body
        let result = try Tools.run(Tools.systemPython, ["-c", script], currentDirectory: dir)
        #expect(result.status == 0, "\(result.stderr)")
        return dir
    }

    func loadError(_ path: String) throws -> String {
        let error = try #require(throws: JetDataError.self) { try JetFile.read(path, threads: 2) }
        let text = error.description
        #expect(text.hasPrefix(path), "\(text)")
        #expect(!text.contains("\n"), "\(text)")
        return text
    }

    /// A gzip-chunked file whose filter-pipeline message is made unreadable: HDF5 then reads
    /// the compressed chunks as unfiltered, and a plain read copied a whole chunk (125 kB) out
    /// of the ~10 kB it had read, and the process died.
    @Test func compressedChunksWithoutTheirFilterAreRefused() throws {
        let dir = try make("""
            img = np.random.default_rng(0).exponential(1, (200, 25, 25)).astype('f4') * (np.random.default_rng(1).random((200, 25, 25)) < 0.05)
            with h5py.File('nofilter.h5', 'w') as f:
                f.create_dataset('image', data=img, chunks=(50, 25, 25), compression='gzip')
                schema(f, 200)
            d = bytearray(open('nofilter.h5', 'rb').read())
            i = d.find(b'\\x0b\\x00\\x20\\x00\\x01')
            assert i > 0
            d[i] = 0x47   # the filter-pipeline message becomes one of an unknown type
            open('nofilter.h5', 'wb').write(d)
            """)
        let path = dir.appendingPathComponent("nofilter.h5").path
        let text = try loadError(path)
        #expect(text.contains("dataset 'image': damaged HDF5 file: the chunk at [0, 0, 0] stores "), "\(text)")
        #expect(text.hasSuffix("but the dataset has no compression filter and its chunks hold 125000 bytes (a lost filter message?)"), "\(text)")
    }

    /// Unfiltered chunks that are whole, and chunks never written (read as the fill value),
    /// still load.
    @Test func wholeAndUnwrittenUnfilteredChunksLoad() throws {
        let dir = try make("""
            with h5py.File('chunks.h5', 'w') as f:
                d = f.create_dataset('image', shape=(200, 25, 25), dtype='f4', chunks=(50, 25, 25))
                d[0:50] = 1.5
                schema(f, 200)
            """)
        let jets = try JetFile.read(dir.appendingPathComponent("chunks.h5").path, threads: 2)
        #expect(jets.count == 200)
        #expect(jets.image(0).allSatisfy { $0 == 1.5 })
        #expect(jets.image(199).allSatisfy { $0 == 0 })
    }

    /// Data stored in another file, by an external link or as external raw storage, is
    /// named as such (it was called damaged, with equal byte counts on both sides).
    @Test func dataInAnotherFileIsNamedNotCalledDamaged() throws {
        let dir = try make("""
            with h5py.File('good.h5', 'w') as f:
                f.create_dataset('image', data=np.ones((20, 25, 25), 'f4'))
                schema(f, 20)
            with h5py.File('linked.h5', 'w') as f:
                f['image'] = h5py.ExternalLink('good.h5', '/image')
                schema(f, 20)
            np.ones((20, 25, 25), '<f4').tofile('ext_raw.bin')
            with h5py.File('external.h5', 'w') as f:
                f.create_dataset('image', shape=(20, 25, 25), dtype='<f4', external=[('ext_raw.bin', 0, h5py.h5f.UNLIMITED)])
                schema(f, 20)
            """)
        let linked = dir.appendingPathComponent("linked.h5").path
        #expect(try loadError(linked) == "\(linked): dataset 'image': stored in another file (an external link to '/image' in good.h5), which jnb does not follow; copy the data into this file (e.g. with h5copy)")
        let external = dir.appendingPathComponent("external.h5").path
        #expect(try loadError(external) == "\(external): dataset 'image': stored in another file (external storage in ext_raw.bin), which jnb does not read; rewrite the file with the data inside it")
    }

    /// A contiguous dataset whose address lies past the end of the file says so.
    @Test func dataPastTheEndOfTheFileIsNamed() throws {
        let dir = try make("""
            with h5py.File('offset.h5', 'w') as f:
                f.create_dataset('image', data=np.ones((20, 25, 25), 'f4'))
                schema(f, 20)
                address = f['image'].id.get_offset()
            d = bytearray(open('offset.h5', 'rb').read())
            # The layout message holds the address, then the size (50000).
            key = address.to_bytes(8, 'little') + (50000).to_bytes(8, 'little')
            assert d.count(key) == 1
            d[d.find(key):d.find(key) + 8] = (len(d) + 1000).to_bytes(8, 'little')
            open('offset.h5', 'wb').write(d)
            """)
        let path = dir.appendingPathComponent("offset.h5").path
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(try loadError(path) == "\(path): dataset 'image': damaged HDF5 file: the dataset's 50000 bytes of data are said to start at byte \(size + 1000), beyond the end of the file (\(size) bytes)")
    }

    /// A filter this HDF5 library lacks (h5py's LZF) is named, with what to do; HDF5 said
    /// only "can't read data".
    @Test func anUndecodableFilterIsNamed() throws {
        let dir = try make("""
            with h5py.File('lzf.h5', 'w') as f:
                f.create_dataset('image', data=np.ones((20, 25, 25), 'f4'), chunks=(10, 25, 25), compression='lzf')
                schema(f, 20)
            """)
        let path = dir.appendingPathComponent("lzf.h5").path
        #expect(try loadError(path) == "\(path): dataset 'image': compressed with filter 32000 (LZF), which this HDF5 library cannot decode; rewrite it with gzip")
    }
}
