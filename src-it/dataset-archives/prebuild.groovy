// Packs the ITs' synthetic digits (gzip IDX) as raw IDX files in four kinds of archive, and the synthetic shapes'
// class folders as a zip. Made here, never committed.
import java.nio.file.Files
import java.util.zip.GZIPInputStream
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

def archives = new File(basedir, 'archives')
def digits = new File(basedir, 'packing/mnist')
digits.mkdirs()
new File(itData, 'synthetic').listFiles().findAll { it.name.endsWith('.gz') }.each { gz ->
    gz.withInputStream { new File(digits, gz.name - '.gz').bytes = new GZIPInputStream(it).bytes }
}
assert digits.list().size() == 4

def tar = { String archive, String... options ->
    def command = ['tar'] + options.toList() + [new File(archives, archive).path, '-C', digits.parent, 'mnist']
    def process = new ProcessBuilder(command).redirectErrorStream(true).start()
    def output = process.inputStream.text
    assert process.waitFor() == 0 : "${command}: ${output}"
}
def zip = { String archive, File root ->
    new ZipOutputStream(new FileOutputStream(new File(archives, archive))).withCloseable { out ->
        root.eachFileRecurse { file ->
            if (file.isFile()) {
                out.putNextEntry(new ZipEntry(root.name + '/' + root.toPath().relativize(file.toPath()).toString().replace('\\', '/')))
                out.write(file.bytes)
                out.closeEntry()
            }
        }
    }
}
archives.mkdirs()
tar('digits.tar.gz', '-czf')
tar('digits.tgz', '-czf')
tar('digits.tar', '-cf')
zip('digits.zip', digits)
zip('shapes.zip', new File(itData, 'shapes'))
return true
