def log = new File(basedir, 'build.log').text
assert log =~ /Training set: 100,000 images \(74\.8 MiB of pixels\), read from disk a batch at a time: more than half of this JVM's heap \([0-9.]+ MiB\)\. A larger heap \(jvmArgs -Xmx\) holds them in memory; the model is the same/
assert log =~ /Training JVM: peak resident memory [0-9,]+ MiB \(heap at most [0-9,]+ MiB\)/
assert log.contains('LeNet test accuracy') && log.contains('meets the minimum 0.5000')
def metrics = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/lenet/metrics.json'))
assert metrics.model.trainImages == 100000
assert log =~ /train-images-idx3-ubyte\.gz: the header declares 100,000 images \(74\.8 MiB of pixels\), more than the dataset budget of 50 MiB\. If the dataset is that large, raise maxDatasetBytes \(-Dlenet\.maxDatasetBytes=1g\)/
return true
