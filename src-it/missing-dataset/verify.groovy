def log = new File(basedir, 'build.log').text
def missing = new File(basedir, 'no-such-mnist').path
assert log.contains("${missing}: does not exist. Give a directory, or a .tar, .tar.gz/.tgz or .zip archive, holding the four MNIST-format IDX files")
assert log.contains('(<dataset>, -Dlenet.dataset)')
assert log.contains('BUILD FAILURE')
return true
