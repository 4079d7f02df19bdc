def log = new File(basedir, 'build.log').text
assert log =~ /LeNet test accuracy [01]\.\d{4} meets the minimum 0\.9000/
// (Maven 4 prefixes a test's output with "[INFO] [stdout] ")
assert log =~ /(?m)(^|\[stdout\] )consumer accuracy \d+\/200/
assert log =~ /ONNX consumer accuracy \d+\/200/
assert log =~ /newer-libraries consumer accuracy \d+\/200/
assert log =~ /classpath entries \d+, tensorflow jars 0/
assert new File(localRepositoryPath, 'dev/lenet/it/reactor/digits-model/1.0/digits-model-1.0-model.jar').isFile()

// Each consumer's runtime classpath, exactly: the runtime it chose, the contract, the model; nothing of the trainer.
def runtimeClasspath = { String module ->
    new File(basedir, "${module}/target/runtime-classpath.txt").readLines()
            .collect { it.trim().replaceAll(/ -- module .*$/, '') }
            .findAll { it ==~ /[^: ]+:[^: ]+:[^ ]+/ }
            .sort()
}
def os = System.getProperty('os.name').toLowerCase()
def arch = System.getProperty('os.arch') in ['amd64', 'x86_64'] ? 'x86_64' : 'arm64'
def platform = (os.startsWith('linux') ? 'linux' : os.startsWith('mac') ? 'macosx' : 'windows') + '-' + arch
def model = 'dev.lenet.it.reactor:digits-model:jar:model:1.0:compile'
def contract = "dev.lenet:lenet-contract:jar:${lenetVersion}:compile"
def tensorflow = { String protobuf -> [
        model, contract,
        "dev.lenet:lenet-tensorflow:jar:${lenetVersion}:compile",
        "org.tensorflow:tensorflow-core-api:jar:${tensorflowVersion}:compile",
        "org.tensorflow:tensorflow-core-native:jar:${tensorflowVersion}:compile",
        "org.tensorflow:tensorflow-core-native:jar:${platform}:${tensorflowVersion}:runtime",
        "org.tensorflow:ndarray:jar:${ndarrayVersion}:compile",
        "org.bytedeco:javacpp:jar:${javacppVersion}:compile",
        "com.google.protobuf:protobuf-java:jar:${protobuf}:compile"] }
def expected = [
        'app': tensorflow(protobufVersion),
        'onnx-app': [model, contract,
                     "dev.lenet:lenet-onnx:jar:${lenetVersion}:compile",
                     "com.microsoft.onnxruntime:onnxruntime:jar:${onnxruntimeVersion}:compile"],
        'newer-libraries-app': tensorflow('4.36.2') + [
                'com.fasterxml.jackson.core:jackson-databind:jar:2.23.0:compile',
                'com.fasterxml.jackson.core:jackson-annotations:jar:2.23:compile',
                'com.fasterxml.jackson.core:jackson-core:jar:2.23.0:compile']]
expected.each { module, list ->
    def actual = runtimeClasspath(module)
    assert actual == list.collect { it.toString() }.sort(), "${module}'s runtime classpath"
    println "${module}: ${actual.size()} artifacts, as promised"
}
return true
