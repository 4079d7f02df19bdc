// Writes a dataset whose training images stop short of what their header declares. Made here, never committed.
import java.nio.ByteBuffer

def dir = new File(basedir, 'corrupt')
dir.mkdirs()
def images = { int count, int payload ->
    ByteBuffer.allocate(16 + payload).putInt(0x803).putInt(count).putInt(28).putInt(28).array()
}
def labels = { int count -> ByteBuffer.allocate(8 + count).putInt(0x801).putInt(count).array() }
new File(dir, 'train-images-idx3-ubyte').bytes = images(5, 100)
new File(dir, 'train-labels-idx1-ubyte').bytes = labels(5)
new File(dir, 't10k-images-idx3-ubyte').bytes = images(2, 2 * 784)
new File(dir, 't10k-labels-idx1-ubyte').bytes = labels(2)
return true
