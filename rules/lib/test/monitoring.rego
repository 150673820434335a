package trailwarden.lib.test

# Generated from rules/cloudwatch/monitoring_controls.yaml by MonitoringRulesTest: the compliant
# organization's metric filters (parsed by the real parser), alarms and topic.

monitoring_filters := [
	{
		"name": "UnauthorizedAPICalls",
		"pattern": "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }",
		"metricTransformations": [
			{
				"metricName": "UnauthorizedAPICalls",
				"metricNamespace": "CISBenchmark",
				"metricValue": "1",
				"dimensions": {},
			},
		],
		"parsed": {
			"syntax": "json",
			"terms": [
				[
					{
						"selector": "$.errorCode",
						"operator": "=",
						"value": "*UnauthorizedOperation",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.errorCode",
						"operator": "=",
						"value": "AccessDenied*",
						"kind": "string",
					},
				],
			],
			"error": null,
		},
	},
	{
		"name": "ConsoleSigninWithoutMFA",
		"pattern": "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }",
		"metricTransformations": [
			{
				"metricName": "ConsoleSigninWithoutMFA",
				"metricNamespace": "CISBenchmark",
				"metricValue": "1",
				"dimensions": {},
			},
		],
		"parsed": {
			"syntax": "json",
			"terms": [
				[
					{
						"selector": "$.additionalEventData.MFAUsed",
						"operator": "!=",
						"value": "Yes",
						"kind": "string",
					},
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "ConsoleLogin",
						"kind": "string",
					},
				],
			],
			"error": null,
		},
	},
	{
		"name": "RootAccountUsage",
		"pattern": "{ ($.userIdentity.type = \"Root\") && ($.userIdentity.invokedBy NOT EXISTS) && ($.eventType != \"AwsServiceEvent\") }",
		"metricTransformations": [
			{
				"metricName": "RootAccountUsage",
				"metricNamespace": "CISBenchmark",
				"metricValue": "1",
				"dimensions": {},
			},
		],
		"parsed": {
			"syntax": "json",
			"terms": [
				[
					{
						"selector": "$.eventType",
						"operator": "!=",
						"value": "AwsServiceEvent",
						"kind": "string",
					},
					{
						"selector": "$.userIdentity.invokedBy",
						"operator": "NOT EXISTS",
						"value": "",
						"kind": "none",
					},
					{
						"selector": "$.userIdentity.type",
						"operator": "=",
						"value": "Root",
						"kind": "string",
					},
				],
			],
			"error": null,
		},
	},
	{
		"name": "IAMPolicyChanges",
		"pattern": "{ ($.eventName = \"DeleteGroupPolicy\") || ($.eventName = \"DeleteRolePolicy\") || ($.eventName = \"DeleteUserPolicy\") || ($.eventName = \"PutGroupPolicy\") || ($.eventName = \"PutRolePolicy\") || ($.eventName = \"PutUserPolicy\") || ($.eventName = \"CreatePolicy\") || ($.eventName = \"DeletePolicy\") || ($.eventName = \"CreatePolicyVersion\") || ($.eventName = \"DeletePolicyVersion\") || ($.eventName = \"AttachRolePolicy\") || ($.eventName = \"DetachRolePolicy\") || ($.eventName = \"AttachUserPolicy\") || ($.eventName = \"DetachUserPolicy\") || ($.eventName = \"AttachGroupPolicy\") || ($.eventName = \"DetachGroupPolicy\") }",
		"metricTransformations": [
			{
				"metricName": "IAMPolicyChanges",
				"metricNamespace": "CISBenchmark",
				"metricValue": "1",
				"dimensions": {},
			},
		],
		"parsed": {
			"syntax": "json",
			"terms": [
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "AttachGroupPolicy",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "AttachRolePolicy",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "AttachUserPolicy",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "CreatePolicy",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "CreatePolicyVersion",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteGroupPolicy",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeletePolicy",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeletePolicyVersion",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteRolePolicy",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteUserPolicy",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DetachGroupPolicy",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DetachRolePolicy",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DetachUserPolicy",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "PutGroupPolicy",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "PutRolePolicy",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "PutUserPolicy",
						"kind": "string",
					},
				],
			],
			"error": null,
		},
	},
	{
		"name": "CloudTrailChanges",
		"pattern": "{ ($.eventName = \"CreateTrail\") || ($.eventName = \"UpdateTrail\") || ($.eventName = \"DeleteTrail\") || ($.eventName = \"StartLogging\") || ($.eventName = \"StopLogging\") }",
		"metricTransformations": [
			{
				"metricName": "CloudTrailChanges",
				"metricNamespace": "CISBenchmark",
				"metricValue": "1",
				"dimensions": {},
			},
		],
		"parsed": {
			"syntax": "json",
			"terms": [
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "CreateTrail",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteTrail",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "StartLogging",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "StopLogging",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "UpdateTrail",
						"kind": "string",
					},
				],
			],
			"error": null,
		},
	},
	{
		"name": "ConsoleAuthenticationFailures",
		"pattern": "{ ($.eventName = \"ConsoleLogin\") && ($.errorMessage = \"Failed authentication\") }",
		"metricTransformations": [
			{
				"metricName": "ConsoleAuthenticationFailures",
				"metricNamespace": "CISBenchmark",
				"metricValue": "1",
				"dimensions": {},
			},
		],
		"parsed": {
			"syntax": "json",
			"terms": [
				[
					{
						"selector": "$.errorMessage",
						"operator": "=",
						"value": "Failed authentication",
						"kind": "string",
					},
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "ConsoleLogin",
						"kind": "string",
					},
				],
			],
			"error": null,
		},
	},
	{
		"name": "DisableOrDeleteCMK",
		"pattern": "{ ($.eventSource = \"kms.amazonaws.com\") && (($.eventName = \"DisableKey\") || ($.eventName = \"ScheduleKeyDeletion\")) }",
		"metricTransformations": [
			{
				"metricName": "DisableOrDeleteCMK",
				"metricNamespace": "CISBenchmark",
				"metricValue": "1",
				"dimensions": {},
			},
		],
		"parsed": {
			"syntax": "json",
			"terms": [
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DisableKey",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "kms.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "ScheduleKeyDeletion",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "kms.amazonaws.com",
						"kind": "string",
					},
				],
			],
			"error": null,
		},
	},
	{
		"name": "S3BucketPolicyChanges",
		"pattern": "{ ($.eventSource = \"s3.amazonaws.com\") && (($.eventName = \"PutBucketAcl\") || ($.eventName = \"PutBucketPolicy\") || ($.eventName = \"PutBucketCors\") || ($.eventName = \"PutBucketLifecycle\") || ($.eventName = \"PutBucketReplication\") || ($.eventName = \"DeleteBucketPolicy\") || ($.eventName = \"DeleteBucketCors\") || ($.eventName = \"DeleteBucketLifecycle\") || ($.eventName = \"DeleteBucketReplication\")) }",
		"metricTransformations": [
			{
				"metricName": "S3BucketPolicyChanges",
				"metricNamespace": "CISBenchmark",
				"metricValue": "1",
				"dimensions": {},
			},
		],
		"parsed": {
			"syntax": "json",
			"terms": [
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteBucketCors",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "s3.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteBucketLifecycle",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "s3.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteBucketPolicy",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "s3.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteBucketReplication",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "s3.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "PutBucketAcl",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "s3.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "PutBucketCors",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "s3.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "PutBucketLifecycle",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "s3.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "PutBucketPolicy",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "s3.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "PutBucketReplication",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "s3.amazonaws.com",
						"kind": "string",
					},
				],
			],
			"error": null,
		},
	},
	{
		"name": "AWSConfigChanges",
		"pattern": "{ ($.eventSource = \"config.amazonaws.com\") && (($.eventName = \"StopConfigurationRecorder\") || ($.eventName = \"DeleteDeliveryChannel\") || ($.eventName = \"PutDeliveryChannel\") || ($.eventName = \"PutConfigurationRecorder\")) }",
		"metricTransformations": [
			{
				"metricName": "AWSConfigChanges",
				"metricNamespace": "CISBenchmark",
				"metricValue": "1",
				"dimensions": {},
			},
		],
		"parsed": {
			"syntax": "json",
			"terms": [
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteDeliveryChannel",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "config.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "PutConfigurationRecorder",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "config.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "PutDeliveryChannel",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "config.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "StopConfigurationRecorder",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "config.amazonaws.com",
						"kind": "string",
					},
				],
			],
			"error": null,
		},
	},
	{
		"name": "SecurityGroupChanges",
		"pattern": "{ ($.eventName = \"AuthorizeSecurityGroupIngress\") || ($.eventName = \"AuthorizeSecurityGroupEgress\") || ($.eventName = \"RevokeSecurityGroupIngress\") || ($.eventName = \"RevokeSecurityGroupEgress\") || ($.eventName = \"CreateSecurityGroup\") || ($.eventName = \"DeleteSecurityGroup\") }",
		"metricTransformations": [
			{
				"metricName": "SecurityGroupChanges",
				"metricNamespace": "CISBenchmark",
				"metricValue": "1",
				"dimensions": {},
			},
		],
		"parsed": {
			"syntax": "json",
			"terms": [
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "AuthorizeSecurityGroupEgress",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "AuthorizeSecurityGroupIngress",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "CreateSecurityGroup",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteSecurityGroup",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "RevokeSecurityGroupEgress",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "RevokeSecurityGroupIngress",
						"kind": "string",
					},
				],
			],
			"error": null,
		},
	},
	{
		"name": "NACLChanges",
		"pattern": "{ ($.eventName = \"CreateNetworkAcl\") || ($.eventName = \"CreateNetworkAclEntry\") || ($.eventName = \"DeleteNetworkAcl\") || ($.eventName = \"DeleteNetworkAclEntry\") || ($.eventName = \"ReplaceNetworkAclEntry\") || ($.eventName = \"ReplaceNetworkAclAssociation\") }",
		"metricTransformations": [
			{
				"metricName": "NACLChanges",
				"metricNamespace": "CISBenchmark",
				"metricValue": "1",
				"dimensions": {},
			},
		],
		"parsed": {
			"syntax": "json",
			"terms": [
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "CreateNetworkAcl",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "CreateNetworkAclEntry",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteNetworkAcl",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteNetworkAclEntry",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "ReplaceNetworkAclAssociation",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "ReplaceNetworkAclEntry",
						"kind": "string",
					},
				],
			],
			"error": null,
		},
	},
	{
		"name": "NetworkGatewayChanges",
		"pattern": "{ ($.eventName = \"CreateCustomerGateway\") || ($.eventName = \"DeleteCustomerGateway\") || ($.eventName = \"AttachInternetGateway\") || ($.eventName = \"CreateInternetGateway\") || ($.eventName = \"DeleteInternetGateway\") || ($.eventName = \"DetachInternetGateway\") }",
		"metricTransformations": [
			{
				"metricName": "NetworkGatewayChanges",
				"metricNamespace": "CISBenchmark",
				"metricValue": "1",
				"dimensions": {},
			},
		],
		"parsed": {
			"syntax": "json",
			"terms": [
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "AttachInternetGateway",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "CreateCustomerGateway",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "CreateInternetGateway",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteCustomerGateway",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteInternetGateway",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DetachInternetGateway",
						"kind": "string",
					},
				],
			],
			"error": null,
		},
	},
	{
		"name": "RouteTableChanges",
		"pattern": "{ ($.eventName = \"CreateRoute\") || ($.eventName = \"CreateRouteTable\") || ($.eventName = \"ReplaceRoute\") || ($.eventName = \"ReplaceRouteTableAssociation\") || ($.eventName = \"DeleteRouteTable\") || ($.eventName = \"DeleteRoute\") || ($.eventName = \"DisassociateRouteTable\") }",
		"metricTransformations": [
			{
				"metricName": "RouteTableChanges",
				"metricNamespace": "CISBenchmark",
				"metricValue": "1",
				"dimensions": {},
			},
		],
		"parsed": {
			"syntax": "json",
			"terms": [
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "CreateRoute",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "CreateRouteTable",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteRoute",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteRouteTable",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DisassociateRouteTable",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "ReplaceRoute",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "ReplaceRouteTableAssociation",
						"kind": "string",
					},
				],
			],
			"error": null,
		},
	},
	{
		"name": "VPCChanges",
		"pattern": "{ ($.eventName = \"CreateVpc\") || ($.eventName = \"DeleteVpc\") || ($.eventName = \"ModifyVpcAttribute\") || ($.eventName = \"AcceptVpcPeeringConnection\") || ($.eventName = \"CreateVpcPeeringConnection\") || ($.eventName = \"DeleteVpcPeeringConnection\") || ($.eventName = \"RejectVpcPeeringConnection\") || ($.eventName = \"AttachClassicLinkVpc\") || ($.eventName = \"DetachClassicLinkVpc\") || ($.eventName = \"DisableVpcClassicLink\") || ($.eventName = \"EnableVpcClassicLink\") }",
		"metricTransformations": [
			{
				"metricName": "VPCChanges",
				"metricNamespace": "CISBenchmark",
				"metricValue": "1",
				"dimensions": {},
			},
		],
		"parsed": {
			"syntax": "json",
			"terms": [
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "AcceptVpcPeeringConnection",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "AttachClassicLinkVpc",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "CreateVpc",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "CreateVpcPeeringConnection",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteVpc",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteVpcPeeringConnection",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DetachClassicLinkVpc",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DisableVpcClassicLink",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "EnableVpcClassicLink",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "ModifyVpcAttribute",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "RejectVpcPeeringConnection",
						"kind": "string",
					},
				],
			],
			"error": null,
		},
	},
	{
		"name": "OrganizationsChanges",
		"pattern": "{ ($.eventSource = \"organizations.amazonaws.com\") && (($.eventName = \"AcceptHandshake\") || ($.eventName = \"AttachPolicy\") || ($.eventName = \"CreateAccount\") || ($.eventName = \"CreateOrganizationalUnit\") || ($.eventName = \"CreatePolicy\") || ($.eventName = \"DeclineHandshake\") || ($.eventName = \"DeleteOrganization\") || ($.eventName = \"DeleteOrganizationalUnit\") || ($.eventName = \"DeletePolicy\") || ($.eventName = \"DetachPolicy\") || ($.eventName = \"DisablePolicyType\") || ($.eventName = \"EnablePolicyType\") || ($.eventName = \"InviteAccountToOrganization\") || ($.eventName = \"LeaveOrganization\") || ($.eventName = \"MoveAccount\") || ($.eventName = \"RemoveAccountFromOrganization\") || ($.eventName = \"UpdatePolicy\") || ($.eventName = \"UpdateOrganizationalUnit\")) }",
		"metricTransformations": [
			{
				"metricName": "OrganizationsChanges",
				"metricNamespace": "CISBenchmark",
				"metricValue": "1",
				"dimensions": {},
			},
		],
		"parsed": {
			"syntax": "json",
			"terms": [
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "AcceptHandshake",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "AttachPolicy",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "CreateAccount",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "CreateOrganizationalUnit",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "CreatePolicy",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeclineHandshake",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteOrganization",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeleteOrganizationalUnit",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DeletePolicy",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DetachPolicy",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "DisablePolicyType",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "EnablePolicyType",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "InviteAccountToOrganization",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "LeaveOrganization",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "MoveAccount",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "RemoveAccountFromOrganization",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "UpdateOrganizationalUnit",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
				[
					{
						"selector": "$.eventName",
						"operator": "=",
						"value": "UpdatePolicy",
						"kind": "string",
					},
					{
						"selector": "$.eventSource",
						"operator": "=",
						"value": "organizations.amazonaws.com",
						"kind": "string",
					},
				],
			],
			"error": null,
		},
	},
]

monitoring_alarms := {
	"arn:aws:cloudwatch:us-east-1:111111111111:alarm:UnauthorizedAPICalls": {
		"arn": "arn:aws:cloudwatch:us-east-1:111111111111:alarm:UnauthorizedAPICalls",
		"accountId": "111111111111",
		"region": "us-east-1",
		"name": "UnauthorizedAPICalls",
		"metricName": "UnauthorizedAPICalls",
		"namespace": "CISBenchmark",
		"dimensions": {},
		"statistic": "Sum",
		"period": 300,
		"evaluationPeriods": 1,
		"threshold": 1.0,
		"comparisonOperator": "GreaterThanOrEqualToThreshold",
		"actionsEnabled": true,
		"alarmActions": [
			"arn:aws:sns:us-east-1:111111111111:security-alarms",
		],
		"stateValue": "OK",
	},
	"arn:aws:cloudwatch:us-east-1:111111111111:alarm:ConsoleSigninWithoutMFA": {
		"arn": "arn:aws:cloudwatch:us-east-1:111111111111:alarm:ConsoleSigninWithoutMFA",
		"accountId": "111111111111",
		"region": "us-east-1",
		"name": "ConsoleSigninWithoutMFA",
		"metricName": "ConsoleSigninWithoutMFA",
		"namespace": "CISBenchmark",
		"dimensions": {},
		"statistic": "Sum",
		"period": 300,
		"evaluationPeriods": 1,
		"threshold": 1.0,
		"comparisonOperator": "GreaterThanOrEqualToThreshold",
		"actionsEnabled": true,
		"alarmActions": [
			"arn:aws:sns:us-east-1:111111111111:security-alarms",
		],
		"stateValue": "OK",
	},
	"arn:aws:cloudwatch:us-east-1:111111111111:alarm:RootAccountUsage": {
		"arn": "arn:aws:cloudwatch:us-east-1:111111111111:alarm:RootAccountUsage",
		"accountId": "111111111111",
		"region": "us-east-1",
		"name": "RootAccountUsage",
		"metricName": "RootAccountUsage",
		"namespace": "CISBenchmark",
		"dimensions": {},
		"statistic": "Sum",
		"period": 300,
		"evaluationPeriods": 1,
		"threshold": 1.0,
		"comparisonOperator": "GreaterThanOrEqualToThreshold",
		"actionsEnabled": true,
		"alarmActions": [
			"arn:aws:sns:us-east-1:111111111111:security-alarms",
		],
		"stateValue": "OK",
	},
	"arn:aws:cloudwatch:us-east-1:111111111111:alarm:IAMPolicyChanges": {
		"arn": "arn:aws:cloudwatch:us-east-1:111111111111:alarm:IAMPolicyChanges",
		"accountId": "111111111111",
		"region": "us-east-1",
		"name": "IAMPolicyChanges",
		"metricName": "IAMPolicyChanges",
		"namespace": "CISBenchmark",
		"dimensions": {},
		"statistic": "Sum",
		"period": 300,
		"evaluationPeriods": 1,
		"threshold": 1.0,
		"comparisonOperator": "GreaterThanOrEqualToThreshold",
		"actionsEnabled": true,
		"alarmActions": [
			"arn:aws:sns:us-east-1:111111111111:security-alarms",
		],
		"stateValue": "OK",
	},
	"arn:aws:cloudwatch:us-east-1:111111111111:alarm:CloudTrailChanges": {
		"arn": "arn:aws:cloudwatch:us-east-1:111111111111:alarm:CloudTrailChanges",
		"accountId": "111111111111",
		"region": "us-east-1",
		"name": "CloudTrailChanges",
		"metricName": "CloudTrailChanges",
		"namespace": "CISBenchmark",
		"dimensions": {},
		"statistic": "Sum",
		"period": 300,
		"evaluationPeriods": 1,
		"threshold": 1.0,
		"comparisonOperator": "GreaterThanOrEqualToThreshold",
		"actionsEnabled": true,
		"alarmActions": [
			"arn:aws:sns:us-east-1:111111111111:security-alarms",
		],
		"stateValue": "OK",
	},
	"arn:aws:cloudwatch:us-east-1:111111111111:alarm:ConsoleAuthenticationFailures": {
		"arn": "arn:aws:cloudwatch:us-east-1:111111111111:alarm:ConsoleAuthenticationFailures",
		"accountId": "111111111111",
		"region": "us-east-1",
		"name": "ConsoleAuthenticationFailures",
		"metricName": "ConsoleAuthenticationFailures",
		"namespace": "CISBenchmark",
		"dimensions": {},
		"statistic": "Sum",
		"period": 300,
		"evaluationPeriods": 1,
		"threshold": 1.0,
		"comparisonOperator": "GreaterThanOrEqualToThreshold",
		"actionsEnabled": true,
		"alarmActions": [
			"arn:aws:sns:us-east-1:111111111111:security-alarms",
		],
		"stateValue": "OK",
	},
	"arn:aws:cloudwatch:us-east-1:111111111111:alarm:DisableOrDeleteCMK": {
		"arn": "arn:aws:cloudwatch:us-east-1:111111111111:alarm:DisableOrDeleteCMK",
		"accountId": "111111111111",
		"region": "us-east-1",
		"name": "DisableOrDeleteCMK",
		"metricName": "DisableOrDeleteCMK",
		"namespace": "CISBenchmark",
		"dimensions": {},
		"statistic": "Sum",
		"period": 300,
		"evaluationPeriods": 1,
		"threshold": 1.0,
		"comparisonOperator": "GreaterThanOrEqualToThreshold",
		"actionsEnabled": true,
		"alarmActions": [
			"arn:aws:sns:us-east-1:111111111111:security-alarms",
		],
		"stateValue": "OK",
	},
	"arn:aws:cloudwatch:us-east-1:111111111111:alarm:S3BucketPolicyChanges": {
		"arn": "arn:aws:cloudwatch:us-east-1:111111111111:alarm:S3BucketPolicyChanges",
		"accountId": "111111111111",
		"region": "us-east-1",
		"name": "S3BucketPolicyChanges",
		"metricName": "S3BucketPolicyChanges",
		"namespace": "CISBenchmark",
		"dimensions": {},
		"statistic": "Sum",
		"period": 300,
		"evaluationPeriods": 1,
		"threshold": 1.0,
		"comparisonOperator": "GreaterThanOrEqualToThreshold",
		"actionsEnabled": true,
		"alarmActions": [
			"arn:aws:sns:us-east-1:111111111111:security-alarms",
		],
		"stateValue": "OK",
	},
	"arn:aws:cloudwatch:us-east-1:111111111111:alarm:AWSConfigChanges": {
		"arn": "arn:aws:cloudwatch:us-east-1:111111111111:alarm:AWSConfigChanges",
		"accountId": "111111111111",
		"region": "us-east-1",
		"name": "AWSConfigChanges",
		"metricName": "AWSConfigChanges",
		"namespace": "CISBenchmark",
		"dimensions": {},
		"statistic": "Sum",
		"period": 300,
		"evaluationPeriods": 1,
		"threshold": 1.0,
		"comparisonOperator": "GreaterThanOrEqualToThreshold",
		"actionsEnabled": true,
		"alarmActions": [
			"arn:aws:sns:us-east-1:111111111111:security-alarms",
		],
		"stateValue": "OK",
	},
	"arn:aws:cloudwatch:us-east-1:111111111111:alarm:SecurityGroupChanges": {
		"arn": "arn:aws:cloudwatch:us-east-1:111111111111:alarm:SecurityGroupChanges",
		"accountId": "111111111111",
		"region": "us-east-1",
		"name": "SecurityGroupChanges",
		"metricName": "SecurityGroupChanges",
		"namespace": "CISBenchmark",
		"dimensions": {},
		"statistic": "Sum",
		"period": 300,
		"evaluationPeriods": 1,
		"threshold": 1.0,
		"comparisonOperator": "GreaterThanOrEqualToThreshold",
		"actionsEnabled": true,
		"alarmActions": [
			"arn:aws:sns:us-east-1:111111111111:security-alarms",
		],
		"stateValue": "OK",
	},
	"arn:aws:cloudwatch:us-east-1:111111111111:alarm:NACLChanges": {
		"arn": "arn:aws:cloudwatch:us-east-1:111111111111:alarm:NACLChanges",
		"accountId": "111111111111",
		"region": "us-east-1",
		"name": "NACLChanges",
		"metricName": "NACLChanges",
		"namespace": "CISBenchmark",
		"dimensions": {},
		"statistic": "Sum",
		"period": 300,
		"evaluationPeriods": 1,
		"threshold": 1.0,
		"comparisonOperator": "GreaterThanOrEqualToThreshold",
		"actionsEnabled": true,
		"alarmActions": [
			"arn:aws:sns:us-east-1:111111111111:security-alarms",
		],
		"stateValue": "OK",
	},
	"arn:aws:cloudwatch:us-east-1:111111111111:alarm:NetworkGatewayChanges": {
		"arn": "arn:aws:cloudwatch:us-east-1:111111111111:alarm:NetworkGatewayChanges",
		"accountId": "111111111111",
		"region": "us-east-1",
		"name": "NetworkGatewayChanges",
		"metricName": "NetworkGatewayChanges",
		"namespace": "CISBenchmark",
		"dimensions": {},
		"statistic": "Sum",
		"period": 300,
		"evaluationPeriods": 1,
		"threshold": 1.0,
		"comparisonOperator": "GreaterThanOrEqualToThreshold",
		"actionsEnabled": true,
		"alarmActions": [
			"arn:aws:sns:us-east-1:111111111111:security-alarms",
		],
		"stateValue": "OK",
	},
	"arn:aws:cloudwatch:us-east-1:111111111111:alarm:RouteTableChanges": {
		"arn": "arn:aws:cloudwatch:us-east-1:111111111111:alarm:RouteTableChanges",
		"accountId": "111111111111",
		"region": "us-east-1",
		"name": "RouteTableChanges",
		"metricName": "RouteTableChanges",
		"namespace": "CISBenchmark",
		"dimensions": {},
		"statistic": "Sum",
		"period": 300,
		"evaluationPeriods": 1,
		"threshold": 1.0,
		"comparisonOperator": "GreaterThanOrEqualToThreshold",
		"actionsEnabled": true,
		"alarmActions": [
			"arn:aws:sns:us-east-1:111111111111:security-alarms",
		],
		"stateValue": "OK",
	},
	"arn:aws:cloudwatch:us-east-1:111111111111:alarm:VPCChanges": {
		"arn": "arn:aws:cloudwatch:us-east-1:111111111111:alarm:VPCChanges",
		"accountId": "111111111111",
		"region": "us-east-1",
		"name": "VPCChanges",
		"metricName": "VPCChanges",
		"namespace": "CISBenchmark",
		"dimensions": {},
		"statistic": "Sum",
		"period": 300,
		"evaluationPeriods": 1,
		"threshold": 1.0,
		"comparisonOperator": "GreaterThanOrEqualToThreshold",
		"actionsEnabled": true,
		"alarmActions": [
			"arn:aws:sns:us-east-1:111111111111:security-alarms",
		],
		"stateValue": "OK",
	},
	"arn:aws:cloudwatch:us-east-1:111111111111:alarm:OrganizationsChanges": {
		"arn": "arn:aws:cloudwatch:us-east-1:111111111111:alarm:OrganizationsChanges",
		"accountId": "111111111111",
		"region": "us-east-1",
		"name": "OrganizationsChanges",
		"metricName": "OrganizationsChanges",
		"namespace": "CISBenchmark",
		"dimensions": {},
		"statistic": "Sum",
		"period": 300,
		"evaluationPeriods": 1,
		"threshold": 1.0,
		"comparisonOperator": "GreaterThanOrEqualToThreshold",
		"actionsEnabled": true,
		"alarmActions": [
			"arn:aws:sns:us-east-1:111111111111:security-alarms",
		],
		"stateValue": "OK",
	},
}

monitoring_topic_arn := "arn:aws:sns:us-east-1:111111111111:security-alarms"

monitoring_topics := {
	"arn:aws:sns:us-east-1:111111111111:security-alarms": {
		"arn": "arn:aws:sns:us-east-1:111111111111:security-alarms",
		"accountId": "111111111111",
		"region": "us-east-1",
		"subscriptions": [
			{
				"protocol": "email",
				"endpoint": "security@acme.example",
				"subscriptionArn": "arn:aws:sns:us-east-1:111111111111:security-alarms:0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
			},
		],
	},
}
