// Parse a GIFT file with gift-pegjs (an independent parser) and print its questions as JSON.
const fs = require('fs');
const { parse } = require('gift-pegjs');
process.stdout.write(JSON.stringify(parse(fs.readFileSync(process.argv[2], 'utf8'))));
