def log = new File(basedir, 'build.log').text
def file = new File(basedir, 'corrupt/train-images-idx3-ubyte').path
assert log.contains("${file}: the file is truncated: the header declares 5 images (3920 bytes) but 100 bytes follow the header.")
assert log.contains('(<dataset>, -Dlenet.dataset)')
assert log.contains('BUILD FAILURE')
return true
