// ort_run.js MODEL.onnx REF_DIR OUT_DIR [--threads N] [--iterations N]
//
// Runs MODEL with ONNX Runtime (CPU execution provider) on the inputs a
// generator wrote to REF_DIR (io.json + input_K.npy) and writes the outputs
// as OUT_DIR/output_K.npy with a copy of io.json, so the same comparison
// script reads ORT's outputs as it reads torch's. With --iterations it also
// prints the median latency (for benchmarks; tests never look at it).
'use strict';
const fs = require('fs');
const path = require('path');
const ort = require(path.join(process.env.TCC_ORT_DIR || path.join(__dirname, '..', '..', 'build', 'ort'),
                              'node_modules', 'onnxruntime-node'));

const NPY_TYPES = {'<f4': ['float32', Float32Array], '<i8': ['int64', BigInt64Array],
                   '<i4': ['int32', Int32Array], '|b1': ['bool', Uint8Array],
                   '<f8': ['float64', Float64Array]};

function readNpy(file) {
  const buf = fs.readFileSync(file);
  if (buf.toString('latin1', 1, 6) !== 'NUMPY') throw new Error(`${file}: not a .npy file`);
  const major = buf[6];
  const headerLen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = buf.toString('latin1', start, start + headerLen);
  const descr = /'descr':\s*'([^']+)'/.exec(header)[1];
  if (/'fortran_order':\s*True/.test(header)) throw new Error(`${file}: fortran order`);
  const shape = /'shape':\s*\(([^)]*)\)/.exec(header)[1].split(',').filter(s => s.trim()).map(Number);
  const [type, Array] = NPY_TYPES[descr] || [];
  if (!type) throw new Error(`${file}: unsupported dtype ${descr}`);
  const bytes = buf.subarray(start + headerLen);
  const data = new Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  return new ort.Tensor(type, type === 'bool' ? Uint8Array.from(data) : data, shape);
}

function writeNpy(file, tensor) {
  const descr = {float32: '<f4', int64: '<i8', int32: '<i4', bool: '|b1', float64: '<f8'}[tensor.type];
  if (!descr) throw new Error(`output type ${tensor.type} not supported`);
  const shape = tensor.dims.length === 1 ? `(${tensor.dims[0]},)` : `(${tensor.dims.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shape}, }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const prefix = Buffer.alloc(10);
  prefix.write('\x93NUMPY', 0, 'latin1'); prefix[6] = 1; prefix[7] = 0;
  prefix.writeUInt16LE(header.length, 8);
  const data = Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength);
  fs.writeFileSync(file, Buffer.concat([prefix, Buffer.from(header, 'latin1'), data]));
}

(async () => {
  const args = process.argv.slice(2);
  const option = (name, dflt) => {
    const i = args.indexOf(name);
    if (i < 0) return dflt;
    const v = Number(args[i + 1]); args.splice(i, 2); return v;
  };
  const threads = option('--threads', 1);
  const iterations = option('--iterations', 0);
  const [model, refDir, outDir] = args;
  const io = JSON.parse(fs.readFileSync(path.join(refDir, 'io.json')));
  const session = await ort.InferenceSession.create(model, {
    intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: 'sequential',
    graphOptimizationLevel: 'all'});
  const feeds = {};
  io.inputs.forEach((inp, k) => { feeds[inp.name] = readNpy(path.join(refDir, inp.file || `input_${k}.npy`)); });
  let results = await session.run(feeds);
  if (iterations > 0) {
    const times = [];
    for (let i = 0; i < iterations; ++i) {
      const t0 = process.hrtime.bigint();
      results = await session.run(feeds);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    console.log(JSON.stringify({median_ms: times[Math.floor(times.length / 2)], min_ms: times[0], iterations, threads}));
  }
  fs.mkdirSync(outDir, {recursive: true});
  io.outputs.forEach((out, k) => writeNpy(path.join(outDir, `output_${k}.npy`), results[out.name]));
  fs.writeFileSync(path.join(outDir, 'io.json'), JSON.stringify(io));
})().catch(e => { console.error(`ort_run.js: ${e.message}`); process.exit(1); });
