// Exits 0 when the MongoDB wire-protocol server at the given URL answers a `ping`.
import { MongoClient } from 'mongodb';

const url = process.argv[2] ?? 'mongodb://127.0.0.1:27027/';
const client = new MongoClient(url, { serverSelectionTimeoutMS: 2000, connectTimeoutMS: 2000 });
try {
  await client.db('admin').command({ ping: 1 });
  process.exitCode = 0;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await client.close();
}
